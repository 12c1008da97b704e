package io.vigil.streams.baseline;

/**
 * Entity names made from record fields, interned in a small direct-mapped cache: an entity's records
 * all get the same String, so naming an entity allocates nothing once it was seen, and the profile
 * cache finds it by identity with its hash already computed.
 */
final class EntityNames {
    private static final int SIZE = 4096;

    private final String[] names = new String[SIZE];

    /** {@code a}, or {@code a + separator + b} when b is given. */
    String of(Text a, char separator, Text b) {
        int length = a.length() + (b == null ? 0 : 1 + b.length());
        int h = 0;
        for (int i = 0; i < a.length(); i++) {
            h = 31 * h + a.charAt(i);
        }
        if (b != null) {
            h = 31 * h + separator;
            for (int i = 0; i < b.length(); i++) {
                h = 31 * h + b.charAt(i);
            }
        }
        int slot = (h ^ h >>> 12) & (SIZE - 1);
        String cached = names[slot];
        if (cached != null && cached.length() == length && matches(cached, a, separator, b)) {
            return cached;
        }
        String name = b == null ? a.value() : a.value() + separator + b.value();
        names[slot] = name;
        return name;
    }

    private static boolean matches(String name, Text a, char separator, Text b) {
        for (int i = 0; i < a.length(); i++) {
            if (name.charAt(i) != a.charAt(i)) {
                return false;
            }
        }
        if (b == null) {
            return true;
        }
        if (name.charAt(a.length()) != separator) {
            return false;
        }
        for (int i = 0, j = a.length() + 1; i < b.length(); i++, j++) {
            if (name.charAt(j) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
