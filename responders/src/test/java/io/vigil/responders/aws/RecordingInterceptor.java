package io.vigil.responders.aws;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS API call made in the test JVM as its IAM action ({@code ec2:DescribeInstances}),
 * registered for all SDK clients through {@code software/amazon/awssdk/global/handlers/execution.interceptors}.
 */
public final class RecordingInterceptor implements ExecutionInterceptor {
    private static final Set<String> CALLS = new TreeSet<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT);
        synchronized (CALLS) {
            CALLS.add(service + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    static Set<String> calls() {
        synchronized (CALLS) {
            return new TreeSet<>(CALLS);
        }
    }

    static void reset() {
        synchronized (CALLS) {
            CALLS.clear();
        }
    }
}
