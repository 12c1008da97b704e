package io.vigil.responders.credentials;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names of IAM users and roles taken from the principal ARNs findings carry. */
public final class PrincipalArns {
    // user names are the last path segment: arn:aws:iam::123456789012:user/division/alice -> alice
    private static final Pattern USER = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:user/(?:.*/)?([^/]+)$");
    private static final Pattern ROLE = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/(?:.*/)?([^/]+)$");
    private static final Pattern ASSUMED_ROLE = Pattern.compile("^arn:aws[a-z-]*:sts::\\d{12}:assumed-role/([^/]+)/.+$");

    private PrincipalArns() {}

    public static Optional<String> userName(String arn) {
        return group(USER.matcher(arn));
    }

    /** The role of a role ARN or of an assumed-role session ARN. */
    public static Optional<String> roleName(String arn) {
        return group(ROLE.matcher(arn)).or(() -> group(ASSUMED_ROLE.matcher(arn)));
    }

    private static Optional<String> group(Matcher m) {
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
