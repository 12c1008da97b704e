package io.vigil.cli.respond.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.responders.cases.CaseTimeline;
import io.vigil.responders.kafka.CaseReader;
import io.vigil.schemas.json.FindingJson;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows a case's timeline: the findings it came from, every step the",
                "responders planned, requested, carried out, skipped or reverted (from",
                "response.actions), who approved or rejected what (response.approvals), and its",
                "chain of custody (custody.records), verified."})
public final class CaseShowCommand implements Callable<Integer> {
    /** Control characters (terminal escapes among them) in log-derived text are shown escaped, never sent to the terminal. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

    @Parameters(index = "0", paramLabel = "CASE", description = "The case id, e.g. case-1a2b3c4d5e6f7a8b (tags vigil:case, ledger details case_id).")
    String caseId;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (default) or json.")
    String format;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("table") && !format.equals("json")) {
            throw new IllegalArgumentException("--format '" + format + "': expected table or json");
        }
        CaseTimeline t;
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            t = CaseReader.read(runtime.clientProps(), runtime.wire(), caseId);
        }
        if (!t.known()) {
            throw new IllegalArgumentException("case " + caseId + ": no entry on response.actions has this case_id (case ids look like "
                    + "case-1a2b3c4d5e6f7a8b; vigil approve lists the cases awaiting a decision)");
        }
        System.out.print(format.equals("json") ? json(t) : table(t));
        return 0;
    }

    static String json(CaseTimeline t) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode().put("case_id", t.caseId());
        t.findingIds().forEach(root.putArray("finding_ids")::add);
        ArrayNode findings = root.putArray("findings");
        t.findings().forEach(f -> findings.add(FindingJson.toNode(f)));
        ObjectNode custody = root.putObject("custody").put("records", t.custodyRecords()).put("verified", t.custodyBroken().isEmpty());
        t.custodyBroken().ifPresent(b -> custody.put("broken", b));
        ArrayNode events = root.putArray("events");
        for (CaseTimeline.Event e : t.events()) {
            events.addObject().put("at", e.at().toString()).put("kind", e.kind()).put("what", e.what()).put("status", e.status())
                    .put("who", e.who()).put("detail", e.detail());
        }
        return m.writeValueAsString(root) + System.lineSeparator();
    }

    static String table(CaseTimeline t) {
        StringBuilder out = new StringBuilder();
        long missing = t.findingIds().size() - t.findings().size();
        out.append(String.format("case %s: %d finding(s)%s, %d event(s); custody: %d record(s), %s%n", t.caseId(), t.findingIds().size(),
                missing > 0 ? " (" + missing + " not on the findings topic: " + String.join(", ",
                        t.findingIds().stream().filter(id -> t.findings().stream().noneMatch(f -> f.getId().equals(id))).map(CaseShowCommand::printable).toList()) + ")" : "",
                t.events().size(), t.custodyRecords(), t.custodyBroken().map(b -> "BROKEN: " + b).orElse(t.custodyRecords() == 0 ? "none" : "chain verified")));
        out.append(String.format("%-24s %-9s %-20s %-14s %s%n", "AT", "KIND", "STATUS", "WHO", "WHAT"));
        for (CaseTimeline.Event e : t.events()) {
            out.append(String.format("%-24s %-9s %-20s %-14s %s%n", e.at(), e.kind(), printable(e.status()), printable(e.who()), printable(e.what())));
            if (!e.detail().isEmpty()) {
                out.append("    ").append(printable(e.detail())).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    static String printable(String s) {
        return CONTROL.matcher(s).replaceAll(r -> String.format("\\\\u%04x", (int) r.group().charAt(0)));
    }
}
