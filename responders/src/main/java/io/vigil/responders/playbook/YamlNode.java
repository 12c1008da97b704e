package io.vigil.responders.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a composed YAML document that knows its file, line and key path, so that every validation
 * error can say where it is and what was expected there.
 */
record YamlNode(String source, String path, Node node) {

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    PlaybookException error(String problem) {
        return new PlaybookException(source, line(), path, problem);
    }

    /** The mapping's entries in document order; unknown or repeated keys are errors. */
    Map<String, YamlNode> mapping(Set<String> allowedKeys) {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping of " + String.join(", ", allowedKeys.stream().sorted().toList()));
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = new YamlNode(source, path, t.getKeyNode()).scalar();
            YamlNode value = new YamlNode(source, path.isEmpty() ? key : path + "." + key, t.getValueNode());
            if (!allowedKeys.contains(key)) {
                throw new PlaybookException(source, value.line(), value.path(),
                        "unknown key; expected one of " + String.join(", ", allowedKeys.stream().sorted().toList()));
            }
            if (out.put(key, value) != null) {
                throw new PlaybookException(source, value.line(), value.path(), "given twice");
            }
        }
        return out;
    }

    List<YamlNode> sequence(String expected) {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list of " + expected);
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            out.add(new YamlNode(source, path + "[" + i + "]", s.getValue().get(i)));
        }
        return out;
    }

    String scalar() {
        if (!(node instanceof ScalarNode s) || Tag.NULL.equals(s.getTag())) {
            throw error("expected a single value");
        }
        return s.getValue();
    }

    /** A single value or a list of values, e.g. {@code detector: "flow.*"} or {@code detector: [a.*, b.*]}. */
    List<String> scalars(String expected) {
        if (node instanceof SequenceNode) {
            List<String> out = sequence(expected).stream().map(YamlNode::scalar).toList();
            if (out.isEmpty()) {
                throw error("expected at least one " + expected);
            }
            return out;
        }
        return List.of(scalar());
    }

    boolean bool() {
        String v = scalar();
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("expected true or false, got '" + v + "'");
        };
    }
}
