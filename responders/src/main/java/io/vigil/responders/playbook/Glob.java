package io.vigil.responders.playbook;

import java.util.regex.Pattern;

/** A shell-style pattern: {@code *} is any run of characters, {@code ?} one character, the rest literal. */
public record Glob(String pattern, Pattern regex) {

    public static Glob of(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(pattern, Pattern.compile(re.toString()));
    }

    public boolean matches(String value) {
        return regex.matcher(value).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
