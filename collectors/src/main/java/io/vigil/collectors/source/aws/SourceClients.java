package io.vigil.collectors.source.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients the AWS sources read with, built one way: the given (or default-chain) credentials
 * and region, an optional endpoint override (moto, LocalStack, VPC endpoints; S3 then uses path-style
 * addressing), the URL-connection HTTP client, and the SDK's standard retry mode, which backs off on
 * throttling and 5xx. The sources only read: see {@code collectors/iam/collector-policy.json}.
 */
public final class SourceClients {
    private final Optional<URI> endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    public SourceClients(Optional<URI> endpoint, Optional<String> region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region.map(Region::of).orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion());
        this.credentials = credentials;
    }

    public S3Client s3() {
        return configure(S3Client.builder().forcePathStyle(endpoint.isPresent())).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder()).build();
    }

    public CloudWatchLogsClient logs() {
        return configure(CloudWatchLogsClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
