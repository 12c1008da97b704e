package io.vigil.collectors.format.osquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatDetector;
import io.vigil.collectors.format.vpcflow.ReaderHarness;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsqueryReaderTest {
    private static final Instant UNIX_TIME = Instant.ofEpochSecond(1714644000);

    private final OsqueryReader reader = new OsqueryReader(ReaderHarness.CLOCK);
    private final ReaderHarness results = ReaderHarness.readFixture(reader, "osquery/results.log");

    @Test
    void eachRecordGetsTheVerdictWrittenBesideTheFixture() {
        assertThat(results.verdicts()).containsExactlyElementsOf(ReaderHarness.expectedVerdicts("osquery/results.log"));
    }

    @Test
    void theDetectorSendsTheFixtureHere() {
        byte[] content = ReaderHarness.fixtureBytes("osquery/results.log");

        assertThat(FormatDetector.detect(content, content.length)).isEqualTo(Format.OSQUERY);
    }

    @Test
    void aPackageRowIsTypedAndKeyedByHostKindAndItem() {
        Collected<?> c = results.accepted().get(0);
        HostInventory row = (HostInventory) c.value();

        assertThat(c.topic()).isEqualTo(Topics.INVENTORY_HOST);
        assertThat(c.key()).isEqualTo("web-1|PACKAGE|deb:openssl:3.0.2-0ubuntu1.15:amd64");
        assertThat(c.eventTime()).isEqualTo(UNIX_TIME);
        assertThat(row.getKind()).isEqualTo(InventoryKind.PACKAGE);
        assertThat(row.getAction()).isEqualTo(InventoryAction.ADDED);
        assertThat(row.getPackageName()).isEqualTo("openssl");
        assertThat(row.getPackageVersion()).isEqualTo("3.0.2-0ubuntu1.15");
        assertThat(row.getPackageSource()).isEqualTo("deb");
        assertThat(row.getHostIdentifier()).isEqualTo("web-1");
        assertThat(row.getHostname()).isEqualTo("web-1.internal");
        assertThat(row.getInstanceId()).isEqualTo("i-0123456789abcdef0");
        assertThat(row.getQueryName()).isEqualTo("pack_inventory_deb_packages");
        assertThat(row.getColumns()).containsEntry("arch", "amd64").containsEntry("revision", "0ubuntu1.15");
        assertThat(row.getOrigin().getPosition()).isEqualTo("line 1");
        assertThat(row.getOrigin().getFormat()).isEqualTo("osquery");
    }

    @Test
    void anUpgradeIsARemovalAndAnAdditionUnderDifferentKeys() {
        assertThat(results.accepted().get(1).key()).isEqualTo("web-1|PACKAGE|deb:openssl:3.0.2-0ubuntu1.14:amd64");
        assertThat(((HostInventory) results.accepted().get(1).value()).getAction()).isEqualTo(InventoryAction.REMOVED);
    }

    @Test
    void aListeningPortRowIsTyped() {
        Collected<?> c = results.accepted().get(2);
        HostInventory port = (HostInventory) c.value();

        assertThat(port.getKind()).isEqualTo(InventoryKind.LISTENING_PORT);
        assertThat(port.getPort()).isEqualTo(22);
        assertThat(port.getProtocol()).isEqualTo(6);
        assertThat(port.getAddress()).isEqualTo("0.0.0.0");
        assertThat(port.getPid()).isEqualTo(812L);
        assertThat(c.key()).isEqualTo("web-1|LISTENING_PORT|6:0.0.0.0:22");
    }

    @Test
    void batchRowsCarryTheirActionsRemovalsFirst() {
        List<HostInventory> batch = rows().subList(3, 6);

        assertThat(batch).extracting(HostInventory::getAction).containsExactly(InventoryAction.REMOVED, InventoryAction.ADDED, InventoryAction.ADDED);
        assertThat(batch).extracting(HostInventory::getPackageName).containsExactly("requests", "requests", "urllib3");
        assertThat(batch).extracting(HostInventory::getPackageSource).containsOnly("python");
    }

    @Test
    void aSnapshotLineGivesOneRowPerProcess() {
        List<HostInventory> processes = rows().subList(6, 9);

        assertThat(processes).extracting(HostInventory::getKind).containsOnly(InventoryKind.PROCESS);
        assertThat(processes).extracting(HostInventory::getAction).containsOnly(InventoryAction.SNAPSHOT);
        assertThat(processes).extracting(HostInventory::getProcessName).containsExactly("systemd", "sshd", "nc");
        assertThat(processes.get(2).getPid()).isEqualTo(4242L);
        assertThat(processes.get(2).getPath()).isEqualTo("/usr/bin/nc.openbsd");
        assertThat(results.accepted().get(8).key()).isEqualTo("web-1|PROCESS|4242:nc");
    }

    @Test
    void anyOtherTableIsKeptByItsColumns() {
        Collected<?> c = results.accepted().get(9);
        HostInventory os = (HostInventory) c.value();

        assertThat(os.getKind()).isEqualTo(InventoryKind.OTHER);
        assertThat(os.getColumns()).containsEntry("platform", "ubuntu");
        assertThat(c.key()).startsWith("web-1|OTHER|os_version:");
    }

    @Test
    void recognisesPackagesByColumnsAndJoinsRpmVersionAndRelease() {
        HostInventory nginx = rows().get(10);
        HostInventory rpm = rows().get(11);

        assertThat(nginx.getKind()).as("a query named otherwise, with package columns").isEqualTo(InventoryKind.PACKAGE);
        assertThat(nginx.getPackageVersion()).isEqualTo("1.18.0-2.el8");
        assertThat(nginx.getEventTime()).as("from calendarTime").isEqualTo(UNIX_TIME);
        assertThat(rpm.getPackageSource()).isEqualTo("rpm");
        assertThat(rpm.getPackageVersion()).isEqualTo("1.0.2k-25.el7_9");
        assertThat(rpm.getEventTime()).as("unixTime as text").isEqualTo(UNIX_TIME.plusSeconds(60));
    }

    @Test
    void theInstanceIdDecorationMayHaveEitherName() {
        HostInventory choco = rows().get(12);

        assertThat(choco.getPackageSource()).isEqualTo("chocolatey");
        assertThat(choco.getInstanceId()).isEqualTo("i-0fedcba9876543210");
        assertThat(choco.getHostname()).isNull();
    }

    @Test
    void rejectionsNameTheProblem() {
        assertThat(results.rejected()).extracting(r -> r.detail()).anySatisfy(d -> assertThat(d).contains("hostIdentifier"))
                .anySatisfy(d -> assertThat(d).contains("column 'port' is 'http'"))
                .anySatisfy(d -> assertThat(d).contains("'updated'"));
    }

    private List<HostInventory> rows() {
        return results.values(HostInventory.class);
    }
}
