package io.vigil.responders.action;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a finding's entity is, told from the entity itself rather than from the finding's
 * {@code entity_type} field: adapters need ids of these exact forms, and findings read from JSON may not
 * carry the field at all.
 */
public enum EntityType {
    INSTANCE(Pattern.compile("^i-[0-9a-f]+$")),
    PRINCIPAL(Pattern.compile("^arn:aws[a-z-]*:(iam|sts)::\\d{12}:.+")),
    IP(Pattern.compile("^(\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7})$")),
    OTHER(Pattern.compile(".*"));

    private final Pattern form;

    EntityType(Pattern form) {
        this.form = form;
    }

    public static EntityType of(String entity) {
        return Arrays.stream(values()).filter(t -> t.form.matcher(entity).matches()).findFirst().orElse(OTHER);
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EntityType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(name)).findFirst();
    }
}
