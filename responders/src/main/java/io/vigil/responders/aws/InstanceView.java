package io.vigil.responders.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the responders need to know about an instance, read before acting on it.
 *
 * @param securityGroups   the instance-level groups (those of its primary network interface)
 * @param interfaceGroups  groups per network interface id, in device order
 * @param profile          the instance profile association, if one is attached
 */
public record InstanceView(String id, String vpcId, List<String> securityGroups, Map<String, List<String>> interfaceGroups,
                           Optional<ProfileAssociation> profile, boolean terminationProtected, List<String> volumeIds,
                           Map<String, String> tags) {

    public record ProfileAssociation(String associationId, String profileArn) {}

    /** Instances with several interfaces must have each interface's groups changed separately. */
    public boolean multiHomed() {
        return interfaceGroups.size() > 1;
    }
}
