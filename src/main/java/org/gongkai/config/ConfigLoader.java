package org.gongkai.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the built-in defaults (config/gongkai.yaml on the classpath), lays the user's file over them key by key,
 * and checks the result. Every problem names the file and the key.
 */
public final class ConfigLoader {
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final String DEFAULTS = "config/gongkai.yaml";

    private ConfigLoader() {}

    public static Config defaults() {
        return load(null);
    }

    /** @param userFile the operator's file, or null for the defaults alone */
    public static Config load(Path userFile) {
        JsonNode tree = readClasspath(DEFAULTS);
        Path configDir = null;
        String source = "built-in " + DEFAULTS;
        boolean addressSet = false; // the operator named server.publicBaseUrl: it is kept as written
        if (userFile != null) {
            source = userFile.toString();
            if (!Files.isRegularFile(userFile)) {
                throw new ConfigException("config file " + userFile + ": not found or not a regular file");
            }
            JsonNode user;
            try {
                user = YAML.readTree(userFile.toFile());
            } catch (JsonProcessingException e) {
                throw new ConfigException("config file " + userFile + ": not valid YAML at line "
                        + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new ConfigException("config file " + userFile + ": cannot be read: " + e.getMessage());
            }
            if (user != null && !user.isMissingNode() && !user.isNull()) {
                if (!user.isObject()) {
                    throw new ConfigException("config file " + userFile + ": expected a mapping of keys at the top level");
                }
                merge((ObjectNode) tree, user);
                addressSet = user.path("server").has("publicBaseUrl");
            }
            configDir = userFile.toAbsolutePath().getParent();
        }
        ((ObjectNode) tree).put("configDir", configDir == null ? null : configDir.toString());
        ((ObjectNode) tree).put("source", source);
        Config config;
        try {
            config = YAML.treeToValue(tree, Config.class);
        } catch (JsonMappingException e) {
            throw new ConfigException("config file " + source + ": key '" + keyPath(e) + "': " + describe(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + source + ": " + e.getOriginalMessage());
        }
        validate(config, source);
        // Not named: the built-in address follows server.port from the file, as it follows --port.
        return addressSet ? config : config.withPort(config.server().port());
    }

    private static void validate(Config c, String source) {
        check(c.server() != null && c.server().port() >= 0 && c.server().port() <= 65535, source, "server.port",
                "must be a port number from 0 to 65535");
        check(c.server().publicBaseUrl() != null && c.server().publicBaseUrl().matches("https?://[^\\s/]+(/\\S*)?"),
                source, "server.publicBaseUrl", "must be an http:// or https:// address");
        check(c.server().maxBodyBytes() >= 1024, source, "server.maxBodyBytes", "must be at least 1024");
        check(c.display().defaultDurationSeconds() >= 1, source, "display.defaultDurationSeconds", "must be at least 1");
        check(c.display().horizonDays() >= 0, source, "display.horizonDays", "must not be negative");
        try {
            ZoneId.of(c.display().timezone());
        } catch (DateTimeException | NullPointerException e) {
            throw new ConfigException("config file " + source + ": key 'display.timezone': unknown time zone '"
                    + c.display().timezone() + "' (for example Asia/Shanghai)");
        }
        check(c.security().sessionHours() >= 1, source, "security.sessionHours", "must be at least 1");
        check(c.screens().maxPending() >= 1, source, "screens.maxPending", "must be at least 1");
        check(c.screens().forgetPendingAfterHours() >= 1, source, "screens.forgetPendingAfterHours", "must be at least 1");
        check(c.push().maxQueuedMessages() >= 1, source, "push.maxQueuedMessages", "must be at least 1");
        check(c.database().maxPoolSize() >= 1, source, "database.maxPoolSize", "must be at least 1");
        check(c.intake() != null && c.intake().maxBytes() >= 1024, source, "intake.maxBytes", "must be at least 1024");
        check(c.intake().connectTimeoutSeconds() >= 1, source, "intake.connectTimeoutSeconds", "must be at least 1");
        check(c.intake().timeoutSeconds() >= 1, source, "intake.timeoutSeconds", "must be at least 1");
        check(c.intake().feedCheckSeconds() >= 1, source, "intake.feedCheckSeconds", "must be at least 1");
        check(c.warnings() != null && c.warnings().areaNames() != null && c.warnings().areaCodes() != null, source,
                "warnings.areaNames", "and warnings.areaCodes must be lists (may be empty: [])");
        check(c.warnings().pushPolicy() != null && Config.Warnings.POLICIES.contains(c.warnings().pushPolicy()), source,
                "warnings.pushPolicy", "must be one of " + String.join(", ", Config.Warnings.POLICIES));
        check(c.cluster() != null && c.cluster().nodeId() != null && c.cluster().nodeId().matches("[A-Za-z0-9._:-]{0,64}"),
                source, "cluster.nodeId", "must be empty or at most 64 letters, digits and . _ : -");
        check(c.cluster().pollMillis() >= 50 && c.cluster().pollMillis() <= 60_000, source, "cluster.pollMillis",
                "must be from 50 to 60000");
        check(c.speech() != null && c.speech().command() != null && c.speech().voice() != null
                && c.speech().voice().matches("[A-Za-z0-9+_-]{1,64}"), source, "speech.voice",
                "must be an espeak-ng voice name such as cmn-latn-pinyin");
        check(c.speech().wordsPerMinute() >= 80 && c.speech().wordsPerMinute() <= 450, source,
                "speech.wordsPerMinute", "must be from 80 to 450");
        Config.Office o = c.office();
        check(o != null && o.name() != null && !o.name().isBlank() && o.name().length() <= 200, source, "office.name",
                "is required (at most 200 characters)");
        check(o.phone() == null || o.phone().matches("[0-9+() \\-]{0,40}"), source, "office.phone",
                "must be a phone number: digits, spaces, + ( ) -");
        check(o.portalUrl() == null || o.portalUrl().isEmpty() || o.portalUrl().matches("https?://[^\\s/]+(/\\S*)?"),
                source, "office.portalUrl", "must be empty or an http:// or https:// address");
        check(c.alerts() != null && c.alerts().defaultDepartment() != null, source, "alerts.defaultDepartment",
                "must be a department code, or \"\" for none");
    }

    private static void check(boolean ok, String source, String key, String problem) {
        if (!ok) {
            throw new ConfigException("config file " + source + ": key '" + key + "': " + problem);
        }
    }

    private static void merge(ObjectNode base, JsonNode over) {
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    public static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return "unknown key";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + friendlyType(m.getTargetType());
        }
        return e.getOriginalMessage();
    }

    public static String friendlyType(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "a whole number";
        if (type == double.class || type == Double.class) return "a number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == String.class) return "text";
        if (java.util.Collection.class.isAssignableFrom(type)) return "a list";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase();
        if (type == java.time.OffsetDateTime.class) return "a date-time with offset, e.g. 2026-11-22T09:00:00+08:00";
        if (type == java.time.LocalDate.class) return "a date, e.g. 2026-11-22";
        return "an object";
    }

    public static JsonNode readClasspath(String resource) {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("built-in file " + resource + " is missing from the jar");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the config names: next to the operator's config file if it is there, else the built-in one. */
    public static Resource locate(Config config, String relative) {
        if (config.configDir() != null) {
            Path candidate = config.configDir().resolve(relative);
            if (Files.exists(candidate)) {
                return new Resource(candidate, null);
            }
        }
        return new Resource(null, "config/" + relative);
    }

    public record Resource(Path file, String classpath) {
        public String describe() {
            return file != null ? file.toString() : "built-in " + classpath;
        }
    }
}
