package io.vigil.responders.playbook;

/** A playbook that cannot be loaded, naming the file, line and key at fault and the form expected. */
public final class PlaybookException extends RuntimeException {

    public PlaybookException(String source, int line, String key, String problem) {
        super(source + (line > 0 ? ":" + line : "") + (key.isEmpty() ? "" : ": " + key) + ": " + problem);
    }
}
