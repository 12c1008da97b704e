package io.vigil.responders.aws;

import io.vigil.testing.moto.MotoServer;
import io.vigil.testing.moto.MotoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
import io.vigil.schemas.ActionStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

@ExtendWith(MotoExtension.class)
class Ec2ContainmentMotoTest {
    private Estate estate;

    @BeforeEach
    void estate(MotoServer moto) {
        estate = new Estate(moto.endpoint());
    }

    @AfterEach
    void close() {
        estate.close();
    }

    @Test
    void dryRunPlansTheCallsAndChangesNothing() {
        String instance = estate.instanceWithProfile("dry-profile");

        Outcome o = new DryRunEc2Containment(estate.aws.ec2()).isolateInstance(instance, Estate.context("f-dry"));

        assertThat(o.status()).isEqualTo(ActionStatus.PLANNED);
        assertThat(o.plan()).contains("ec2:CreateSecurityGroup vigil-quarantine in " + estate.vpc, "DisableApiTermination=true",
                "Groups=[vigil-quarantine-untrack] then Groups=[vigil-quarantine]", "ec2:DisassociateIamInstanceProfile");
        assertThat(o.details()).containsEntry("previous_security_groups", estate.web).containsKey("previous_instance_profile")
                .containsEntry("dry_run_checks", "CreateTags would succeed; CreateSecurityGroup would succeed; ModifyInstanceAttribute would succeed");
        assertThat(estate.groups(instance)).containsExactly(estate.web);
        assertThat(quarantineGroup()).isEmpty();
        assertThat(estate.describe(instance).iamInstanceProfile()).isNotNull();
    }

    @Test
    void isolatesRecordsAndIsANoOpTheSecondTime() {
        String instance = estate.instanceWithProfile("exec-profile");
        Ec2Containment containment = new Ec2Containment(estate.aws.ec2());

        Outcome o = containment.isolateInstance(instance, Estate.context("f-exec"));

        SecurityGroup quarantine = quarantineGroup().orElseThrow();
        assertThat(o.status()).isEqualTo(ActionStatus.EXECUTED);
        assertThat(o.details()).containsEntry("previous_security_groups", estate.web).containsEntry("quarantine_group", quarantine.groupId())
                .containsEntry("previous_instance_profile", "arn:aws:iam::123456789012:instance-profile/exec-profile")
                .containsEntry("termination_protection_was", "false");
        assertThat(estate.groups(instance)).containsExactly(quarantine.groupId());
        assertThat(quarantine.ipPermissions()).isEmpty();
        assertThat(quarantine.ipPermissionsEgress()).isEmpty();
        assertThat(terminationProtected(instance)).isTrue();
        assertThat(estate.aws.ec2().describeIamInstanceProfileAssociations(r -> r.filters(Filter.builder().name("instance-id").values(instance).build()))
                .iamInstanceProfileAssociations()).noneMatch(a -> "associated".equals(a.stateAsString()));
        assertThat(tags(instance)).containsEntry("vigil:case", "case-test").containsEntry("vigil:finding", "f-exec")
                .containsEntry("vigil:previous-security-groups", estate.web);

        Outcome again = containment.isolateInstance(instance, Estate.context("f-other"));
        assertThat(again.status()).isEqualTo(ActionStatus.SKIPPED);
        assertThat(again.plan()).startsWith("already contained");
        assertThat(again.details()).containsEntry("previous_security_groups", estate.web);
        assertThat(tags(instance)).containsEntry("vigil:finding", "f-exec");
    }

    @Test
    void reusesTheVpcsQuarantineGroupForTheNextInstance() {
        Ec2Containment containment = new Ec2Containment(estate.aws.ec2());
        String first = estate.instance("/dev/sda1");
        String second = estate.instance("/dev/sda1");

        containment.isolateInstance(first, Estate.context("f-first"));
        containment.isolateInstance(second, Estate.context("f-second"));

        assertThat(estate.groups(first)).isEqualTo(estate.groups(second)).containsExactly(quarantineGroup().orElseThrow().groupId());
    }

    @Test
    void anUnknownInstanceIsAPermanentFailure() {
        assertThatThrownBy(() -> new Ec2Containment(estate.aws.ec2()).isolateInstance("i-0123456789abcdef0", Estate.context("f-none")))
                .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("not found");
    }

    private java.util.Optional<SecurityGroup> quarantineGroup() {
        return estate.aws.ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(estate.vpc).build(),
                Filter.builder().name("group-name").values("vigil-quarantine").build())).securityGroups().stream().findFirst();
    }

    private boolean terminationProtected(String instance) {
        return estate.aws.ec2().describeInstanceAttribute(r -> r.instanceId(instance).attribute(InstanceAttributeName.DISABLE_API_TERMINATION))
                .disableApiTermination().value();
    }

    private Map<String, String> tags(String instance) {
        List<Tag> tags = estate.describe(instance).tags();
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
