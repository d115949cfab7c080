export { diagnosticsUploadUrl, firmwareDownloadUrl, linkToken, linkTokenMatches, type LinkGrant } from './links';
export { fileNameProblem, MAX_FILE_NAME_LENGTH } from './file-names';
export { uploadedFile, type UploadedFile } from './upload-body';
