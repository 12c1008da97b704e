package io.vigil.responders.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ebs.EbsClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients the adapters use, built one way: the given (or default-chain) credentials and region,
 * an optional endpoint override applied to every client (moto, LocalStack, VPC endpoints), the
 * URL-connection HTTP client, and the SDK's standard retry mode, which backs off on throttling and 5xx.
 */
public final class AwsClients implements SdkAutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

    private final Ec2Client ec2;
    private final IamClient iam;
    private final S3Client s3;
    private final CloudTrailClient cloudtrail;
    private final AutoScalingClient autoscaling;
    private final ElasticLoadBalancingV2Client elb;
    private final EbsClient ebs;

    private AwsClients(Ec2Client ec2, IamClient iam, S3Client s3, CloudTrailClient cloudtrail, AutoScalingClient autoscaling,
                       ElasticLoadBalancingV2Client elb, EbsClient ebs) {
        this.ec2 = ec2;
        this.iam = iam;
        this.s3 = s3;
        this.cloudtrail = cloudtrail;
        this.autoscaling = autoscaling;
        this.elb = elb;
        this.ebs = ebs;
    }

    public static AwsClients create(Optional<URI> endpoint, Optional<String> region, AwsCredentialsProvider credentials) {
        Region r = region.map(Region::of).orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion());
        return new AwsClients(
                configure(Ec2Client.builder(), endpoint, r, credentials).build(),
                configure(IamClient.builder(), endpoint, r, credentials).build(),
                // an endpoint override (an emulator, a VPC endpoint) serves buckets under its path, not as subdomains
                configure(S3Client.builder(), endpoint, r, credentials).forcePathStyle(endpoint.isPresent()).build(),
                configure(CloudTrailClient.builder(), endpoint, r, credentials).build(),
                configure(AutoScalingClient.builder(), endpoint, r, credentials).build(),
                configure(ElasticLoadBalancingV2Client.builder(), endpoint, r, credentials).build(),
                configure(EbsClient.builder(), endpoint, r, credentials).build());
    }

    /**
     * Why the cloud cannot be reached with these settings (no credentials, no region), if it cannot.
     * Checked once up front: the default chains probe instance metadata, which is slow off EC2.
     */
    public static Optional<String> unusableBecause(Optional<String> region, AwsCredentialsProvider credentials) {
        try {
            credentials.resolveCredentials();
            if (region.isEmpty()) {
                new DefaultAwsRegionProviderChain().getRegion();
            }
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of(firstClause(e.getMessage()));
        }
    }

    /** The SDK lists every provider of the chain it tried; the first clause says what matters. */
    private static String firstClause(String message) {
        String m = message == null ? "unknown reason" : message;
        int cut = m.indexOf(" : [");
        m = cut > 0 ? m.substring(0, cut) : m;
        int chain = m.indexOf("(credentialsProviders=");
        m = chain > 0 ? m.substring(0, chain).trim() : m;
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(CALL_TIMEOUT));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public IamClient iam() {
        return iam;
    }

    public S3Client s3() {
        return s3;
    }

    public CloudTrailClient cloudtrail() {
        return cloudtrail;
    }

    public AutoScalingClient autoscaling() {
        return autoscaling;
    }

    public ElasticLoadBalancingV2Client elb() {
        return elb;
    }

    public EbsClient ebs() {
        return ebs;
    }

    @Override
    public void close() {
        ec2.close();
        iam.close();
        s3.close();
        cloudtrail.close();
        autoscaling.close();
        elb.close();
        ebs.close();
    }
}
