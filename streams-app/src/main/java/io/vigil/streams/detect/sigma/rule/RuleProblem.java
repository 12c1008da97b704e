package io.vigil.streams.detect.sigma.rule;

/**
 * Why a rule document was not loaded.
 *
 * @param source    where the document came from (file name or rules-topic key)
 * @param ruleId    the rule's id (or title when it has none; "?" when even that is missing)
 * @param construct the exact construct that stopped it, e.g. {@code CommandLine|utf16le|base64} or {@code condition: selection | count() > 5}
 * @param reason    why
 */
public record RuleProblem(String source, String ruleId, String construct, String reason) {
    @Override
    public String toString() {
        return source + " [" + ruleId + "]: " + construct + " — " + reason;
    }
}
