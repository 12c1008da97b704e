package io.vigil.streams.detect.audit.burst;

import io.vigil.schemas.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads attack chains from YAML ({@code attack-sequences.yaml} shipped beside this class, and every {@code .yaml}/{@code .yml}
 * file of a folder), validating every key; a mistake stops the start with the file, line and key it is at, so a chain
 * never silently fails to load. Read from the node tree (not bound to objects) to keep the line of each value.
 */
public final class AttackSequences {
    static final String SHIPPED = "attack-sequences.yaml";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CALL = Pattern.compile("[a-z0-9-]+:[A-Z][A-Za-z0-9]*");
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Set<String> KEYS = Set.of("name", "severity", "attack", "meaning", "steps");

    /** A chain file that cannot be used: the message names the file, the line and the key. */
    public static final class InvalidSequenceFile extends IllegalArgumentException {
        InvalidSequenceFile(String source, Node at, String key, String problem) {
            super(source + ":" + (at == null ? 1 : at.getStartMark().getLine() + 1) + ": " + key + ": " + problem);
        }
    }

    private AttackSequences() {}

    /** The shipped chains (read once). */
    public static List<AttackSequence> shipped() {
        return Shipped.CHAINS;
    }

    private static final class Shipped {
        static final List<AttackSequence> CHAINS = read();
    }

    private static List<AttackSequence> read() {
        try (InputStream in = AttackSequences.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped " + SHIPPED + " is missing from the class path");
            }
            return parse(SHIPPED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped " + SHIPPED, e);
        }
    }

    /** The shipped chains, then those of every YAML file in {@code dir} (by file name), a later chain replacing one of the same name. */
    public static List<AttackSequence> shippedAnd(Path dir) {
        Map<String, AttackSequence> byName = new LinkedHashMap<>();
        shipped().forEach(s -> byName.put(s.name(), s));
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + ": not a folder of attack sequence files (.yaml, .yml)");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                    parse(f.toString(), Files.readString(f)).forEach(s -> byName.put(s.name(), s));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(dir + ": cannot read attack sequence files: " + e.getMessage(), e);
            }
        }
        return List.copyOf(byName.values());
    }

    /** The chains of one file's text; {@code source} names it in errors. */
    static List<AttackSequence> parse(String source, String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode top)) {
            throw new InvalidSequenceFile(source, root, "sequences", "the file must be a map with a 'sequences' list");
        }
        Map<String, NodeTuple> keys = entries(source, top, Set.of("sequences"));
        NodeTuple list = keys.get("sequences");
        if (list == null || !(list.getValueNode() instanceof SequenceNode chains) || chains.getValue().isEmpty()) {
            throw new InvalidSequenceFile(source, list == null ? top : list.getValueNode(), "sequences", "expected a non-empty list of chains");
        }
        List<AttackSequence> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Node n : chains.getValue()) {
            AttackSequence s = chain(source, n);
            if (!names.add(s.name())) {
                throw new InvalidSequenceFile(source, n, "name", "'" + s.name() + "' is declared twice in this file");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static AttackSequence chain(String source, Node n) {
        if (!(n instanceof MappingNode m)) {
            throw new InvalidSequenceFile(source, n, "sequences", "each chain must be a map with " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        Map<String, NodeTuple> e = entries(source, m, KEYS);
        String name = scalar(source, m, e, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidSequenceFile(source, e.get("name").getValueNode(), "name", "'" + name + "' must be lower-case words joined by dashes");
        }
        String severityText = scalar(source, m, e, "severity");
        Severity severity;
        try {
            severity = Severity.valueOf(severityText);
        } catch (IllegalArgumentException bad) {
            throw new InvalidSequenceFile(source, e.get("severity").getValueNode(), "severity", "'" + severityText + "' is not one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
        List<String> attack = strings(source, m, e, "attack", TECHNIQUE, "an ATT&CK technique id such as T1098 or T1098.001");
        String meaning = scalar(source, m, e, "meaning");
        NodeTuple stepsTuple = e.get("steps");
        if (stepsTuple == null || !(stepsTuple.getValueNode() instanceof SequenceNode steps) || steps.getValue().size() < 2) {
            throw new InvalidSequenceFile(source, stepsTuple == null ? m : stepsTuple.getValueNode(), "steps",
                    "expected a list of two or more steps, each a list of service:EventName calls");
        }
        List<Set<String>> out = new ArrayList<>();
        for (Node step : steps.getValue()) {
            if (!(step instanceof SequenceNode calls) || calls.getValue().isEmpty()) {
                throw new InvalidSequenceFile(source, step, "steps", "each step must be a non-empty list of service:EventName calls");
            }
            Set<String> set = new LinkedHashSet<>();
            for (Node call : calls.getValue()) {
                String text = call instanceof ScalarNode s ? s.getValue() : "";
                if (!CALL.matcher(text).matches()) {
                    throw new InvalidSequenceFile(source, call, "steps", "'" + text + "' is not a call such as iam:CreateUser (service as in eventSource, then eventName)");
                }
                set.add(text);
            }
            out.add(Collections.unmodifiableSet(set));
        }
        return new AttackSequence(name, List.copyOf(out), severity, attack, meaning);
    }

    private static Map<String, NodeTuple> entries(String source, MappingNode m, Set<String> allowed) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            if (!allowed.contains(key)) {
                throw new InvalidSequenceFile(source, t.getKeyNode(), key, "unknown key; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
            out.put(key, t);
        }
        return out;
    }

    private static String scalar(String source, MappingNode m, Map<String, NodeTuple> e, String key) {
        NodeTuple t = e.get(key);
        if (t == null) {
            throw new InvalidSequenceFile(source, m, key, "missing");
        }
        if (!(t.getValueNode() instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new InvalidSequenceFile(source, t.getValueNode(), key, "expected a non-empty text");
        }
        return s.getValue().strip();
    }

    private static List<String> strings(String source, MappingNode m, Map<String, NodeTuple> e, String key, Pattern form, String expected) {
        NodeTuple t = e.get(key);
        if (t == null) {
            throw new InvalidSequenceFile(source, m, key, "missing");
        }
        if (!(t.getValueNode() instanceof SequenceNode list)) {
            throw new InvalidSequenceFile(source, t.getValueNode(), key, "expected a list, each " + expected);
        }
        List<String> out = new ArrayList<>();
        for (Node n : list.getValue()) {
            String text = n instanceof ScalarNode s ? s.getValue() : "";
            if (!form.matcher(text).matches()) {
                throw new InvalidSequenceFile(source, n, key, "'" + text + "' is not " + expected);
            }
            out.add(text);
        }
        return List.copyOf(out);
    }
}
