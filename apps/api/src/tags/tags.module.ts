import { Module } from '@nestjs/common';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { LocalTagsController } from './local-tags.controller';
import { LocalTagsService } from './local-tags.service';
import { TagsController } from './tags.controller';
import { TagsService } from './tags.service';

@Module({
  imports: [ChargePointsModule],
  controllers: [TagsController, LocalTagsController],
  providers: [TagsService, LocalTagsService],
  exports: [TagsService, LocalTagsService],
})
export class TagsModule {}
