package io.vigil.reports.baseline;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.audit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrincipalBaselineTest {

    @Test
    void countsDistinctPrincipalsByTypeAndAccount() {
        PrincipalBaseline b = new PrincipalBaseline();
        b.add(audit("e1", "arn:aws:iam::123456789012:user/alice", T0).build());
        b.add(audit("e2", "arn:aws:iam::123456789012:user/alice", T0.plusSeconds(5)).build());
        b.add(audit("e3", "arn:aws:sts::210987654321:assumed-role/ops/bob", T0.plusSeconds(9))
                .setPrincipalType("AssumedRole").setPrincipalAccount("210987654321").build());
        b.add(audit("e4", null, T0.plusSeconds(2)).setPrincipalType("AWSService").setInvokedBy("ec2.amazonaws.com")
                .setPrincipalAccount(null).setRecipientAccount("123456789012").build());

        PrincipalSummary s = b.summary();
        assertThat(s.principals()).isEqualTo(3);
        assertThat(s.byType()).containsEntry("IAMUser", 1L).containsEntry("AssumedRole", 1L).containsEntry("AWSService", 1L);
        assertThat(s.accounts()).isEqualTo(2);
        assertThat(s.events()).isEqualTo(4);
        assertThat(s.asOf()).contains(T0.plusSeconds(9));
    }
}
