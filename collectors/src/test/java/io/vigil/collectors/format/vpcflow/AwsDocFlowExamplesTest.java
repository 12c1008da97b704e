package io.vigil.collectors.format.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.json.Json;
import io.vigil.schemas.FlowRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example records of the AWS VPC user guide (shared third-party data, an extract of the guide's
 * code blocks: one JSON line per block with its field format and records). Each block is rebuilt as
 * the file AWS would deliver (header line for custom formats) and must read with no reject. Skipped
 * when the shared data is absent.
 */
class AwsDocFlowExamplesTest {
    private static final Path EXAMPLES = ReaderHarness.sharedData("aws-vpc-flow-log-doc-examples/flow_log_record_examples.jsonl");
    private final VpcFlowReader reader = new VpcFlowReader(ReaderHarness.CLOCK);

    @Test
    void everyExampleRecordReadsWithoutReject() throws IOException {
        int records = 0;
        for (Block block : blocks()) {
            ReaderHarness h = ReaderHarness.read(reader, block.header() + String.join("\n", block.records()));

            assertThat(h.rejected()).as(block.section()).isEmpty();
            assertThat(h.accepted()).as(block.section()).hasSameSizeAs(block.records());
            records += block.records().size();
        }
        assertThat(records).as("the extract's 28 entries less the guide's '...' elision").isEqualTo(27);
    }

    @Test
    void headerlessCustomRecordsReadAsWithTheirHeader() throws IOException {
        for (Block block : blocks()) {
            if (block.header().isEmpty() || !block.section().contains("transit gateway")) {
                continue;
            }
            List<FlowRecord> announced = ReaderHarness.read(reader, block.header() + String.join("\n", block.records())).values(FlowRecord.class);
            List<FlowRecord> inferred = ReaderHarness.read(reader, String.join("\n", block.records())).values(FlowRecord.class);

            assertThat(inferred).hasSameSizeAs(announced);
            for (int i = 0; i < inferred.size(); i++) {
                inferred.get(i).setOrigin(announced.get(i).getOrigin());
                assertThat(inferred.get(i)).isEqualTo(announced.get(i));
            }
        }
    }

    @Test
    void theNatGatewayExampleKeepsBothAddressPairs() throws IOException {
        Block nat = blocks().stream().filter(b -> b.section().contains("NAT") && b.records().size() == 2 && b.records().get(0).startsWith("i-"))
                .findFirst().orElseThrow();

        FlowRecord toInternet = ReaderHarness.read(reader, nat.header() + String.join("\n", nat.records())).values(FlowRecord.class).get(0);

        assertThat(toInternet.getSrcaddr()).isEqualTo("10.0.1.5");
        assertThat(toInternet.getPktDstaddr()).isEqualTo("203.0.113.5");
        assertThat(toInternet.getInstanceId()).isEqualTo("i-01234567890123456");
    }

    /** A code block: the custom header (empty for the default format) and its records, without the guide's annotations. */
    private record Block(String section, String header, List<String> records) {}

    private static List<Block> blocks() throws IOException {
        assumeTrue(Files.isRegularFile(EXAMPLES), "shared data absent");
        List<Block> blocks = new ArrayList<>();
        for (String line : Files.readAllLines(EXAMPLES)) {
            JsonNode block = Json.MAPPER.readTree(line);
            String format = block.get("field_format").asText();
            List<String> records = new ArrayList<>();
            for (JsonNode record : block.get("records")) {
                // The guide elides records with "..." and annotates some with "#comment": neither is part of a record.
                String text = record.asText().replaceAll("\\s*#.*$", "");
                if (!text.strip().equals("...")) {
                    records.add(text);
                }
            }
            blocks.add(new Block(block.get("section").asText(), format.startsWith("default") ? "" : format + "\n", records));
        }
        return blocks;
    }
}
