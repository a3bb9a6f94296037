package org.gongkai.config;

/** A start-up problem worth one clear line to the operator: which file, which key, what is wrong. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
