package io.vigil.streams.detect.sigma;

import io.vigil.streams.detect.sigma.rule.ParseResult;
import io.vigil.streams.detect.sigma.rule.RuleParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rules from files: the shipped ones ({@code sigma/} on the classpath, listed in {@code sigma/index.txt}
 * because a jar cannot be listed) and any folders the operator names in {@code vigil.sigma.rules.dirs}.
 */
public final class SigmaRuleFiles {
    private static final String SHIPPED = "sigma/";

    private SigmaRuleFiles() {}

    public static ParseResult shipped() {
        ParseResult all = ParseResult.empty();
        for (String name : read(SHIPPED + "index.txt").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            all = all.plus(RuleParser.parse(name, read(SHIPPED + name)));
        }
        return all;
    }

    /** Every {@code .yml}/{@code .yaml} file directly in {@code dir}, in name order. */
    public static ParseResult folder(Path dir) {
        ParseResult all = ParseResult.empty();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Sigma rules in " + dir, e);
        }
        for (Path f : files) {
            try {
                all = all.plus(RuleParser.parse(f.toString(), Files.readString(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Sigma rule " + f, e);
            }
        }
        return all;
    }

    private static String read(String resource) {
        try (InputStream in = SigmaRuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
