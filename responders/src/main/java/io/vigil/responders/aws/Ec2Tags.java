package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The tags Vigil puts on what it changes or creates, so that anyone looking at the resource in the console
 * finds the case and finding in the ledger.
 */
public final class Ec2Tags {
    public static final String CASE = "vigil:case";
    public static final String FINDING = "vigil:finding";
    public static final String PLAYBOOK = "vigil:playbook";
    public static final String PREVIOUS_GROUPS = "vigil:previous-security-groups";
    public static final String MANAGED = "vigil:managed";
    /** EC2 tag values are at most 256 characters; longer values are kept in the ledger only. */
    static final int MAX_VALUE = 256;

    private Ec2Tags() {}

    static List<Tag> of(ActionContext ctx) {
        return List.of(tag(CASE, ctx.caseId()), tag(FINDING, ctx.findingId()), tag(PLAYBOOK, ctx.playbook()));
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value).build();
    }

    static TagSpecification spec(ResourceType type, List<Tag> tags) {
        return TagSpecification.builder().resourceType(type).tags(tags).build();
    }

    static String describe(List<Tag> tags) {
        return String.join(", ", tags.stream().map(t -> t.key() + "=" + t.value()).toList());
    }
}
