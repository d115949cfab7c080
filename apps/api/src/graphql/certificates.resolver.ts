import { UseFilters } from '@nestjs/common';
import { Args, ArgsType, Field, IntersectionType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CERTIFICATE_USES, HASH_ALGORITHMS, type CertificateUse, type HashAlgorithm } from '@voltstream/ocpp';
import { CertificateHashDataQuery, InstallCertificateBody, InstalledCertificatesQuery } from '../certificates/certificate.dto';
import type { CertificateHashDataView, InstalledCertificatesView, InstalledCertificateView } from '../certificates/certificate.view';
import { InstalledCertificatesService } from '../certificates/installed-certificates.service';
import { CommandsService, type WallboxAnswer } from '../commands/commands.service';
import { IdentityArgs } from './arguments';
import { CommandStatusObject } from './command.types';
import { enumOf } from './enums';
import { GraphqlErrorFilter } from './graphql-errors';

const CertificateUseEnum = enumOf(CERTIFICATE_USES, 'CertificateUse', 'the root certificates a wallbox holds (security whitepaper)');
const HashAlgorithmEnum = enumOf(HASH_ALGORITHMS, 'HashAlgorithm', 'the hash of CertificateHashData');

@ArgsType()
class InstallCertificateFields extends InstallCertificateBody {
  @Field(() => CertificateUseEnum)
  override certificateType: CertificateUse;

  @Field({ description: 'one X.509 certificate, PEM' })
  override certificate: string;
}

@ArgsType()
export class InstallCertificateArgs extends IntersectionType(IdentityArgs, InstallCertificateFields, ArgsType) {}

@ArgsType()
class InstalledCertificatesFields extends InstalledCertificatesQuery {
  @Field(() => CertificateUseEnum)
  override certificateType: CertificateUse;
}

@ArgsType()
export class InstalledCertificatesArgs extends IntersectionType(IdentityArgs, InstalledCertificatesFields, ArgsType) {}

@ArgsType()
class DeleteCertificateFields extends CertificateHashDataQuery {
  @Field(() => HashAlgorithmEnum)
  override hashAlgorithm: HashAlgorithm;

  @Field()
  override issuerNameHash: string;

  @Field()
  override issuerKeyHash: string;

  @Field()
  override serialNumber: string;
}

@ArgsType()
export class DeleteCertificateArgs extends IntersectionType(IdentityArgs, DeleteCertificateFields, ArgsType) {}

@ObjectType('CertificateHashData', { description: 'A certificate named by hashes of its issuer’s name and key and its serial number (whitepaper)' })
export class CertificateHashDataObject implements CertificateHashDataView {
  @Field(() => HashAlgorithmEnum)
  hashAlgorithm: HashAlgorithm;

  @Field()
  issuerNameHash: string;

  @Field()
  issuerKeyHash: string;

  @Field()
  serialNumber: string;
}

@ObjectType('InstalledCertificates', { description: 'GetInstalledCertificateIds.conf, relayed as the charge point gave it' })
export class InstalledCertificatesObject implements InstalledCertificatesView {
  @Field({ description: 'Accepted, or NotFound when it holds none of that type' })
  status: string;

  @Field(() => [CertificateHashDataObject], { nullable: true })
  certificateHashData?: CertificateHashDataObject[];
}

@ObjectType('InstalledCertificate', { description: 'A certificate the CSMS believes a wallbox holds, from its answers' })
export class InstalledCertificateObject extends CertificateHashDataObject implements InstalledCertificateView {
  @Field(() => CertificateUseEnum)
  certificateType: CertificateUse;

  @Field({ description: 'when the CSMS last learnt it is there' })
  reportedAt: string;
}

@ObjectType('InstalledCertificatesChange', { description: 'Every certificate a wallbox is believed to hold after one of its answers changed them' })
export class InstalledCertificatesChangeObject {
  @Field()
  chargePointIdentity: string;

  @Field(() => [InstalledCertificateObject], { description: 'as the installedCertificates query lists them' })
  certificates: InstalledCertificateObject[];
}

/** Certificate management (security whitepaper M03–M05): the wallbox's answer relayed, every command and answer in the event log. */
@UseFilters(GraphqlErrorFilter)
@Resolver()
export class CertificatesResolver {
  constructor(
    private readonly commands: CommandsService,
    private readonly installed: InstalledCertificatesService,
  ) {}

  @Query(() => [InstalledCertificateObject], { description: 'the certificates a wallbox is believed to hold (read model); NOT_FOUND for an unknown charge point' })
  installedCertificates(@Args() { identity }: IdentityArgs): Promise<InstalledCertificateView[]> {
    return this.installed.list(identity);
  }

  @Mutation(() => CommandStatusObject, { description: 'InstallCertificate: Accepted, Rejected or Failed' })
  installCertificate(@Args() { identity, certificateType, certificate }: InstallCertificateArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'installCertificate', certificateType, certificate });
  }

  @Mutation(() => InstalledCertificatesObject, { description: 'GetInstalledCertificateIds: asks the wallbox (and records its answer)' })
  installedCertificateIds(@Args() { identity, certificateType }: InstalledCertificatesArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'getInstalledCertificateIds', certificateType });
  }

  @Mutation(() => CommandStatusObject, { description: 'DeleteCertificate: Accepted, Failed or NotFound' })
  deleteCertificate(@Args() { identity, ...certificateHashData }: DeleteCertificateArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'deleteCertificate', certificateHashData });
  }
}
