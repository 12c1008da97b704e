package io.vigil.testing.moto;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: one {@link MotoServer} for the whole test run (shared across classes, stopped at the
 * end), injected as a parameter. Each test is skipped when {@code moto_server} is not on PATH.
 */
public final class MotoExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MotoExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<Path> moto = MotoServer.executable();
        Assumptions.assumeTrue(moto.isPresent(), "moto_server is not on PATH; AWS adapter tests need it");
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static MotoServer server(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent("moto",
                k -> new Running(MotoServer.start(MotoServer.executable().orElseThrow())), Running.class).moto();
    }

    /** Closed by JUnit when the root store is discarded, at the end of the run. */
    private record Running(MotoServer moto) implements AutoCloseable {
        @Override
        public void close() {
            moto.close();
        }
    }
}
