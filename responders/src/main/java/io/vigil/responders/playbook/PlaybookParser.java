package io.vigil.responders.playbook;

import io.vigil.responders.action.ActionType;
import io.vigil.responders.action.EntityType;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import java.io.Reader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one playbook YAML document and validates it completely before anything can run it. */
public final class PlaybookParser {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(s|m|h)");
    private static final Set<String> TOP = Set.of("name", "description", "match", "steps", "configured_by", "four_eyes", "limits", "scope");
    private static final Set<String> LIMITS = Set.of("max_instances_per_hour", "max_keys_per_hour");
    private static final Set<String> SCOPE = Set.of("allow_accounts", "deny_accounts", "allow_tags", "deny_tags");
    private static final Set<String> MATCH = Set.of("detector", "min_severity", "max_severity", "entity_type", "kind", "tags", "accounts");
    private static final Set<String> STEP = Set.of("name", "action", "when", "requires_approval", "timeout", "on_failure");
    private static final Set<String> WHEN = Set.of("evidence_has", "entity_matches");

    private PlaybookParser() {}

    /** @param source the file or resource name, quoted in errors */
    public static Playbook parse(String source, Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(yaml);
        } catch (MarkedYAMLException e) {
            throw new PlaybookException(source, e.getProblemMark().getLine() + 1, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new PlaybookException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new PlaybookException(source, 0, "", "empty; expected a mapping of " + String.join(", ", TOP.stream().sorted().toList()));
        }
        Map<String, YamlNode> top = new YamlNode(source, "", root).mapping(TOP);
        String name = required(top, "name", source, root).scalar();
        if (!NAME.matcher(name).matches()) {
            throw top.get("name").error("expected lower-case letters, digits and dashes, got '" + name + "'");
        }
        String description = top.containsKey("description") ? top.get("description").scalar() : "";
        PlaybookMatch match = match(required(top, "match", source, root));
        List<PlaybookStep> steps = steps(required(top, "steps", source, root), match);
        Optional<String> configuredBy = Optional.ofNullable(top.get("configured_by")).map(YamlNode::scalar).map(String::trim).filter(v -> !v.isEmpty());
        boolean fourEyes = top.containsKey("four_eyes") && top.get("four_eyes").bool();
        if (fourEyes && configuredBy.isEmpty()) {
            throw top.get("four_eyes").error("four_eyes needs configured_by (who configured the playbook, who may then not approve its steps)");
        }
        BlastRadius limits = top.containsKey("limits") ? limits(top.get("limits")) : BlastRadius.NONE;
        Scope scope = top.containsKey("scope") ? scope(top.get("scope")) : Scope.ANY;
        return new Playbook(name, description, source, match, steps, new Governance(configuredBy, fourEyes, limits, scope));
    }

    private static BlastRadius limits(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(LIMITS);
        return new BlastRadius(positive(m.get("max_instances_per_hour")), positive(m.get("max_keys_per_hour")));
    }

    private static java.util.OptionalInt positive(YamlNode n) {
        if (n == null) {
            return java.util.OptionalInt.empty();
        }
        try {
            int v = Integer.parseInt(n.scalar().trim());
            if (v > 0) {
                return java.util.OptionalInt.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw n.error("expected a whole number of at least 1, got '" + n.scalar() + "'");
    }

    private static Scope scope(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(SCOPE);
        return new Scope(
                m.containsKey("allow_accounts") ? Set.copyOf(m.get("allow_accounts").scalars("12-digit account ids")) : Set.of(),
                m.containsKey("deny_accounts") ? Set.copyOf(m.get("deny_accounts").scalars("12-digit account ids")) : Set.of(),
                m.containsKey("allow_tags") ? m.get("allow_tags").scalars("tags as key=value or key") : List.of(),
                m.containsKey("deny_tags") ? m.get("deny_tags").scalars("tags as key=value or key") : List.of());
    }

    private static YamlNode required(Map<String, YamlNode> map, String key, String source, Node parent) {
        YamlNode n = map.get(key);
        if (n == null) {
            throw new PlaybookException(source, parent.getStartMark().getLine() + 1, key, "missing; it is required");
        }
        return n;
    }

    private static PlaybookMatch match(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(MATCH);
        YamlNode detectorNode = required(m, "detector", node.source(), node.node());
        List<Glob> include = new ArrayList<>();
        List<Glob> exclude = new ArrayList<>();
        for (String d : detectorNode.scalars("detector globs")) {
            (d.startsWith("!") ? exclude : include).add(Glob.of(d.startsWith("!") ? d.substring(1) : d));
        }
        if (include.isEmpty()) {
            throw detectorNode.error("expected at least one detector glob that is not an exclusion (!pattern), e.g. \"flow.*\"");
        }
        Severity min = m.containsKey("min_severity") ? enumValue(m.get("min_severity"), Severity.class) : Severity.INFO;
        Severity max = m.containsKey("max_severity") ? enumValue(m.get("max_severity"), Severity.class) : Severity.CRITICAL;
        if (max.ordinal() < min.ordinal()) {
            throw m.get("max_severity").error("expected a severity at or above min_severity " + min + ", got " + max);
        }
        Set<EntityType> types = new LinkedHashSet<>();
        if (m.containsKey("entity_type")) {
            for (String t : m.get("entity_type").scalars("entity types")) {
                types.add(EntityType.byName(t).filter(e -> e != EntityType.OTHER)
                        .orElseThrow(() -> m.get("entity_type").error("expected instance, principal or ip, got '" + t + "'")));
            }
        }
        Optional<FindingKind> kind = m.containsKey("kind") ? Optional.of(enumValue(m.get("kind"), FindingKind.class)) : Optional.empty();
        Set<String> tags = m.containsKey("tags") ? new HashSet<>(m.get("tags").scalars("tags")) : Set.of();
        Set<String> accounts = m.containsKey("accounts") ? new HashSet<>(m.get("accounts").scalars("12-digit account ids")) : Set.of();
        return new PlaybookMatch(include, exclude, min, max, types, kind, tags, accounts);
    }

    private static List<PlaybookStep> steps(YamlNode node, PlaybookMatch match) {
        List<PlaybookStep> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode s : node.sequence("steps")) {
            PlaybookStep step = step(s, match);
            if (step.action() == ActionType.INSTANCE_STOP && steps.stream().noneMatch(p -> p.action() == ActionType.VOLUME_SNAPSHOT)) {
                throw s.error("instance.stop needs a volume.snapshot step before it: an instance is never stopped before its disks are preserved");
            }
            if (!names.add(step.name())) {
                throw s.error("step name '" + step.name() + "' is used twice; expected names unique in the playbook");
            }
            steps.add(step);
        }
        if (steps.isEmpty()) {
            throw node.error("expected at least one step");
        }
        return steps;
    }

    private static PlaybookStep step(YamlNode node, PlaybookMatch match) {
        Map<String, YamlNode> m = node.mapping(STEP);
        YamlNode nameNode = required(m, "name", node.source(), node.node());
        String name = nameNode.scalar();
        if (!NAME.matcher(name).matches()) {
            throw nameNode.error("expected lower-case letters, digits and dashes, got '" + name + "'");
        }
        YamlNode actionNode = required(m, "action", node.source(), node.node());
        String actionName = actionNode.scalar();
        ActionType action = ActionType.byName(actionName)
                .orElseThrow(() -> actionNode.error("expected one of " + ActionType.names() + ", got '" + actionName + "'"));
        for (EntityType t : match.entityTypes()) {
            if (!action.actsOn(t)) {
                throw actionNode.error(actionName + " cannot act on " + t.yamlName() + " entities, which match.entity_type selects");
            }
        }
        StepCondition when = m.containsKey("when") ? when(m.get("when")) : StepCondition.ALWAYS;
        boolean approval = m.containsKey("requires_approval") && m.get("requires_approval").bool();
        if (action.alwaysNeedsApproval() && m.containsKey("requires_approval") && !approval) {
            throw m.get("requires_approval").error(actionName + " always requires approval; expected true or no requires_approval");
        }
        approval = approval || action.alwaysNeedsApproval();
        Duration timeout = m.containsKey("timeout") ? duration(m.get("timeout")) : DEFAULT_TIMEOUT;
        OnFailure onFailure = m.containsKey("on_failure") ? enumValue(m.get("on_failure"), OnFailure.class) : OnFailure.STOP;
        return new PlaybookStep(name, action, when, approval, timeout, onFailure);
    }

    private static StepCondition when(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(WHEN);
        if (m.isEmpty()) {
            throw node.error("expected evidence_has and/or entity_matches");
        }
        return new StepCondition(
                Optional.ofNullable(m.get("evidence_has")).map(YamlNode::scalar),
                Optional.ofNullable(m.get("entity_matches")).map(n -> Glob.of(n.scalar())));
    }

    private static Duration duration(YamlNode node) {
        String v = node.scalar().trim();
        Matcher shortForm = SHORT_DURATION.matcher(v);
        Duration d;
        try {
            d = shortForm.matches() ? Duration.of(Long.parseLong(shortForm.group(1)), unit(shortForm.group(2))) : Duration.parse(v);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw node.error("expected a duration such as 30s, 5m, 1h or PT90S, got '" + v + "'");
        }
        if (d.isZero() || d.isNegative()) {
            throw node.error("expected a positive duration, got '" + v + "'");
        }
        return d;
    }

    private static ChronoUnit unit(String suffix) {
        return switch (suffix) {
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            default -> ChronoUnit.HOURS;
        };
    }

    private static <E extends Enum<E>> E enumValue(YamlNode node, Class<E> type) {
        String v = node.scalar();
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(v)).findFirst()
                .orElseThrow(() -> node.error("expected one of " + String.join(", ",
                        Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ", got '" + v + "'"));
    }
}
