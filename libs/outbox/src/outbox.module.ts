import { QueueModule, QueueName } from '@hst/queue';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxConsumerEntity } from './entities/outbox-consumer.entity';
import { OutboxDeliveryEntity } from './entities/outbox-delivery.entity';
import { OutboxEventEntity } from './entities/outbox-event.entity';
import { DomainEventDispatcher } from './services/domain-event-dispatcher.service';
import { DomainEventQueue } from './services/domain-event-queue.service';
import { OutboxRelay } from './services/outbox-relay.service';
import { OutboxService } from './services/outbox.service';

/** Writing side: OutboxService. Relay and dispatch are used by the worker. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxEventEntity, OutboxDeliveryEntity, OutboxConsumerEntity]),
    QueueModule.register(QueueName.DomainEvents),
  ],
  providers: [OutboxService, OutboxRelay, DomainEventQueue, DomainEventDispatcher],
  exports: [OutboxService, OutboxRelay, DomainEventQueue, DomainEventDispatcher],
})
export class OutboxModule {}
