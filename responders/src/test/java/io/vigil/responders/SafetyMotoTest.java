package io.vigil.responders;

import static io.vigil.responders.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.aws.AwsClients;
import io.vigil.responders.aws.Ec2Containment;
import io.vigil.responders.aws.Ec2Snapshots;
import io.vigil.responders.aws.Estate;
import io.vigil.responders.aws.IamCredentials;
import io.vigil.responders.ledger.Ledger;
import io.vigil.responders.notify.LogNotify;
import io.vigil.responders.playbook.PlaybookCatalog;
import io.vigil.responders.playbook.PlaybookParser;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.Severity;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The safety rails against moto_server, asserted through the API: a playbook changes at most its
 * blast-radius limit of instances per hour (more wait for approval, across a restart too); instances or
 * accounts out of its scope are left alone; an instance is never stopped when its disks could not be
 * snapshotted, and is stopped when they were.
 */
@ExtendWith(MotoExtension.class)
class SafetyMotoTest {

    @Test
    void theBlastRadiusLimitHoldsThenWaitsForApprovalAcrossARestart(MotoServer moto) {
        PlaybookCatalog catalog = catalog("""
                name: capped
                limits: {max_instances_per_hour: 2}
                match: {detector: "flow.*", entity_type: instance}
                steps:
                  - {name: contain, action: instance.contain}
                """);
        try (Estate estate = new Estate(moto.endpoint())) {
            List<String> instances = List.of(estate.instance(), estate.instance(), estate.instance(), estate.instance());
            Ledger ledger = new Ledger();
            try (Responder responder = Responder.of(catalog, ResponsePorts.executing(estate.aws), true)) {
                for (int i = 0; i < 3; i++) {
                    responder.handle(finding("f-cap-" + i, "flow.port_scan", Severity.HIGH, instances.get(i))).forEach(ledger::record);
                }
                // a second finding about an instance already changed this hour is not a new one
                List<ResponseAction> again = responder.handle(finding("f-cap-0b", "flow.port_scan", Severity.HIGH, instances.get(0)));
                assertThat(again.get(0).getStatus()).isEqualTo(ActionStatus.SKIPPED);
            }
            assertThat(estate.groups(instances.get(0))).doesNotContain(estate.web);
            assertThat(estate.groups(instances.get(1))).doesNotContain(estate.web);
            assertThat(estate.groups(instances.get(2))).as("over the limit: untouched").containsExactly(estate.web);
            ResponseAction third = ledger.awaitingApproval().get(0);
            assertThat(third.getTarget()).isEqualTo(instances.get(2));
            assertThat(third.getDetails().get("blast_radius")).contains("already changed 2 instances", "max_instances_per_hour 2");

            try (Responder restarted = Responder.of(catalog, ResponsePorts.executing(estate.aws), true)) {
                restarted.remember(ledger);
                ResponseAction fourth = restarted.handle(finding("f-cap-3", "flow.port_scan", Severity.HIGH, instances.get(3))).get(0);
                assertThat(fourth.getStatus()).isEqualTo(ActionStatus.REQUESTED);
            }
            assertThat(estate.groups(instances.get(3))).containsExactly(estate.web);
        }
    }

    @Test
    void instancesAndAccountsOutOfScopeAreLeftAlone(MotoServer moto) {
        PlaybookCatalog catalog = catalog("""
                name: scoped
                scope:
                  deny_accounts: ["999999999999"]
                  deny_tags: ["vigil:protected=true"]
                match: {detector: "flow.*", entity_type: instance}
                steps:
                  - {name: contain, action: instance.contain}
                  - {name: notify, action: notify.case}
                """);
        try (Estate estate = new Estate(moto.endpoint()); Responder responder = Responder.of(catalog, ResponsePorts.executing(estate.aws), true)) {
            String prod = estate.instance();
            estate.aws.ec2().createTags(r -> r.resources(prod).tags(Tag.builder().key("vigil:protected").value("true").build()));
            String other = estate.instance();

            List<ResponseAction> onProd = responder.handle(finding("f-prod", "flow.port_scan", Severity.HIGH, prod));
            Finding foreign = Finding.newBuilder(finding("f-foreign", "flow.port_scan", Severity.HIGH, other)).setAccount("999999999999").build();
            List<ResponseAction> onForeign = responder.handle(foreign);

            assertThat(onProd).extracting(ResponseAction::getStatus).containsExactly(ActionStatus.SKIPPED, ActionStatus.EXECUTED);
            assertThat(onProd.get(0).getPlan()).isEqualTo("out of the playbook's scope: the target carries vigil:protected=true (deny_tags)");
            assertThat(onForeign.get(0).getPlan()).contains("account 999999999999 is on the playbook's deny_accounts");
            assertThat(estate.groups(prod)).containsExactly(estate.web);
            assertThat(estate.groups(other)).containsExactly(estate.web);
        }
    }

    @Test
    void anInstanceIsNeverStoppedWhenItsSnapshotsFailedAndIsStoppedWhenTheySucceeded(MotoServer moto) throws Exception {
        PlaybookCatalog catalog = catalog("""
                name: stop-after-evidence
                match: {detector: "flow.*", entity_type: instance}
                steps:
                  - {name: snapshot, action: volume.snapshot, timeout: 1m, on_failure: continue}
                  - {name: stop, action: instance.stop}
                """);
        URI nowhere;
        try (ServerSocket s = new ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + s.getLocalPort()); // closed again: every call is refused
        }
        try (Estate estate = new Estate(moto.endpoint());
             AwsClients unreachable = AwsClients.create(Optional.of(nowhere), Optional.of(Estate.REGION), Estate.TESTING)) {
            String instance = estate.instance("/dev/sda1");
            ResponsePorts snapshotsFail = new ResponsePorts(new Ec2Containment(estate.aws.ec2()), new Ec2Snapshots(unreachable.ec2()),
                    new IamCredentials(estate.aws.iam()), new LogNotify());
            try (Responder r = Responder.of(catalog, snapshotsFail, true)) {
                List<ResponseAction> actions = r.handle(finding("f-stop-1", "flow.port_scan", Severity.HIGH, instance));

                assertThat(actions).extracting(ResponseAction::getStatus).containsExactly(ActionStatus.FAILED, ActionStatus.FAILED);
                assertThat(actions.get(1).getError()).startsWith("evidence capture failed, so " + instance + " is not stopped: step snapshot ended FAILED");
                assertThat(actions.get(1).getDetails()).containsEntry("error_class", "permanent");
            }
            assertThat(estate.describe(instance).state().nameAsString()).isEqualTo("running");
            assertThat(estate.snapshots(instance)).isEmpty();

            try (Responder r = Responder.of(catalog, ResponsePorts.executing(estate.aws), true)) {
                List<ResponseAction> actions = r.handle(finding("f-stop-2", "flow.port_scan", Severity.HIGH, instance));
                assertThat(actions).extracting(ResponseAction::getStatus).containsExactly(ActionStatus.EXECUTED, ActionStatus.EXECUTED);
            }
            assertThat(estate.snapshots(instance)).hasSize(1);
            assertThat(estate.describe(instance).state().nameAsString()).isIn("stopping", "stopped");
        }
    }

    private static PlaybookCatalog catalog(String yaml) {
        return new PlaybookCatalog(List.of(PlaybookParser.parse("test.yaml", new StringReader(yaml))));
    }
}
