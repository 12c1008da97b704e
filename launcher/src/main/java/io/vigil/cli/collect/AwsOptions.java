package io.vigil.cli.collect;

import io.vigil.collectors.source.aws.SourceClients;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** How the AWS sources reach AWS: the SDK's default credential and region chains, and an optional endpoint. */
public final class AwsOptions {
    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send AWS API calls to this endpoint (an emulator, a VPC endpoint).")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's region chain).")
    String region;

    public SourceClients clients() {
        if (endpointUrl != null && (endpointUrl.getScheme() == null || !endpointUrl.getScheme().startsWith("http"))) {
            throw new IllegalArgumentException("--endpoint-url '" + endpointUrl + "': expected an http(s) URL such as http://127.0.0.1:5000");
        }
        return new SourceClients(Optional.ofNullable(endpointUrl), Optional.ofNullable(region), DefaultCredentialsProvider.builder().build());
    }
}
