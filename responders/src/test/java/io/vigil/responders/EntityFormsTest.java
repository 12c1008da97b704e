package io.vigil.responders;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.EntityType;
import io.vigil.responders.credentials.PrincipalArns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityFormsTest {

    @ParameterizedTest
    @CsvSource({
        "i-0abc123def4567890, INSTANCE",
        "arn:aws:iam::123456789012:user/alice, PRINCIPAL",
        "arn:aws:sts::123456789012:assumed-role/app/session, PRINCIPAL",
        "arn:aws-us-gov:iam::123456789012:role/ops, PRINCIPAL",
        "10.0.0.7, IP",
        "2001:db8::1, IP",
        "sg-0abc, OTHER",
        "i-XYZ, OTHER",
        "arn:aws:s3:::bucket, OTHER",
    })
    void entityTypeIsToldFromTheEntity(String entity, EntityType expected) {
        assertThat(EntityType.of(entity)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "arn:aws:iam::123456789012:user/alice, alice, none",
        "arn:aws:iam::123456789012:user/division/bob, bob, none",
        "arn:aws:iam::123456789012:role/ops/deployer, none, deployer",
        "arn:aws:sts::123456789012:assumed-role/app/i-0abc, none, app",
        "arn:aws:iam::123456789012:root, none, none",
    })
    void principalArnsNameTheirUserOrRole(String arn, String user, String role) {
        assertThat(PrincipalArns.userName(arn).orElse(null)).isEqualTo(user);
        assertThat(PrincipalArns.roleName(arn).orElse(null)).isEqualTo(role);
    }
}
