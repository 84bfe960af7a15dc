package com.trunkbill.scaleout;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

import javax.sql.DataSource;

/**
 * Remote partitioning over the broker, only when one is configured ({@code trunkbill.broker.url}; commands
 * without {@code --broker} load none of this and open no connection). The manager sends
 * {@link StepExecutionRequest}s through {@code partitionRequests} to the broker's queue; a worker's inbound
 * adapter takes them one at a time, in a transacted JMS session, so a request whose worker dies before it ends
 * goes back to the queue for another worker. The adapter starts only in {@code trunkbill worker}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("trunkbill.broker.url")
@EnableIntegration
@EnableConfigurationProperties({BrokerProperties.class, WorkerProperties.class})
class BrokerConfiguration {

    /** The id of the worker's inbound endpoint, started by {@code trunkbill worker}. */
    static final String WORKER_INBOUND = "partitionRequestsInbound";

    @Bean
    ActiveMQConnectionFactory brokerConnectionFactory(BrokerProperties properties) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(properties.url(), properties.user(),
                properties.password());
        // no prefetch: a request buffered behind a long partition would wait for it while another worker idles
        factory.setConsumerWindowSize(0);
        factory.setDeserializationAllowList(StepExecutionRequest.class.getPackageName() + ",java.lang");
        return factory;
    }

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow partitionRequestsToBroker(ActiveMQConnectionFactory brokerConnectionFactory,
                                              BrokerProperties properties) {
        return IntegrationFlow.from("partitionRequests")
                .handle(Jms.outboundAdapter(brokerConnectionFactory).destination(properties.queue()))
                .get();
    }

    @Bean
    RemotePartitioning remotePartitioning(DirectChannel partitionRequests, JobRepository jobRepository,
                                          DataSource dataSource, BrokerProperties properties) {
        return new RemotePartitioning(partitionRequests, jobRepository, dataSource, properties);
    }

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, BeanFactory beanFactory, WorkerProperties worker) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        return new PartitionWorker(jobRepository, steps, worker.name());
    }

    @Bean
    IntegrationFlow partitionRequestsFromBroker(ActiveMQConnectionFactory brokerConnectionFactory,
                                                BrokerProperties properties, WorkerProperties worker,
                                                PartitionWorker partitionWorker) {
        return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(brokerConnectionFactory)
                        .destination(properties.queue())
                        .configureListenerContainer(container -> container.sessionTransacted(true)
                                .concurrentConsumers(worker.concurrency())
                                .maxConcurrentConsumers(worker.concurrency()))
                        .autoStartup(false)
                        .id(WORKER_INBOUND))
                .handle(partitionWorker, "handle")
                .nullChannel();
    }
}
