package io.vigil.responders.playbook;

import io.vigil.schemas.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The playbooks in force: those shipped in {@code playbooks/} on the classpath, overridden or extended by
 * the {@code *.yaml} / {@code *.yml} files of an operator's folder (a file whose {@code name} equals a
 * shipped playbook's replaces it).
 */
public final class PlaybookCatalog {
    /** Listed rather than scanned: a classpath folder cannot be listed portably inside a jar. */
    public static final List<String> SHIPPED = List.of(
            "compromised-instance", "data-exfiltration", "compromised-credentials", "configuration-drift", "legal-hold", "suspicious-activity",
            "malware-on-host", "loss-of-systems", "hunt-follow-up");

    private final List<Playbook> playbooks;

    public PlaybookCatalog(List<Playbook> playbooks) {
        this.playbooks = playbooks.stream().sorted(Comparator.comparing(Playbook::name)).toList();
    }

    /** @throws PlaybookException for the first invalid playbook, naming its file, line and key */
    public static PlaybookCatalog load(Optional<Path> folder) {
        Map<String, Playbook> byName = new TreeMap<>();
        for (String name : SHIPPED) {
            Playbook p = shipped(name);
            byName.put(p.name(), p);
        }
        Map<String, Playbook> fromFolder = new TreeMap<>();
        for (Playbook p : folder.map(PlaybookCatalog::fromFolder).orElse(List.of())) {
            Playbook other = fromFolder.put(p.name(), p);
            if (other != null) {
                throw new PlaybookException(p.source(), 0, "name", "'" + p.name() + "' is also the name of " + other.source()
                        + "; expected one file per playbook name");
            }
        }
        byName.putAll(fromFolder);
        return new PlaybookCatalog(List.copyOf(byName.values()));
    }

    /** Every playbook whose match criteria the finding meets, by name. */
    public List<Playbook> matching(Finding finding) {
        return playbooks.stream().filter(p -> p.match().matches(finding)).toList();
    }

    public List<Playbook> all() {
        return playbooks;
    }

    private static Playbook shipped(String name) {
        String resource = "playbooks/" + name + ".yaml";
        try (InputStream in = PlaybookCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped playbook missing from the classpath: " + resource);
            }
            return PlaybookParser.parse("classpath:" + resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static List<Playbook> fromFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PlaybookException(dir.toString(), 0, "", "not a folder; expected a folder of *.yaml playbooks");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .map(PlaybookCatalog::fromFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Playbook fromFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PlaybookParser.parse(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
