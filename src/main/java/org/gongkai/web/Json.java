package org.gongkai.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one ObjectMapper: strict on input (unknown fields and wrong types are errors), HTML-safe on output. */
public final class Json {
    public static final ObjectMapper MAPPER = create();
    /**
     * What request bodies are read with: the same, and text may not hold U+0000, which PostgreSQL cannot store (H2
     * can, so text already stored is still read by {@link #MAPPER}).
     */
    static final ObjectMapper REQUESTS = MAPPER.copy().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("no-nul")
            .addDeserializer(String.class, new NoNul()));

    private Json() {}

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.setSerializationInclusion(JsonInclude.Include.ALWAYS);
        // Deep nesting and huge numbers are refused by the parser itself, before they cost memory.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(40).maxStringLength(2_000_000).build());
        mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        // Dates and date-times come as text only: a bare number would be read as days or seconds since 1970, so
        // {"receivedOn": -2147483649} meant a date six million years ago instead of a wrong type.
        com.fasterxml.jackson.databind.module.SimpleModule textOnly = new com.fasterxml.jackson.databind.module.SimpleModule("dates-as-text");
        textOnly.addDeserializer(java.time.LocalDate.class, new TextOnly<>(java.time.LocalDate.class,
                com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer.INSTANCE));
        textOnly.addDeserializer(java.time.OffsetDateTime.class, new TextOnly<>(java.time.OffsetDateTime.class,
                com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.OFFSET_DATE_TIME));
        mapper.registerModule(textOnly); // registered after JavaTimeModule, so it is asked first
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** A JSON list of strings that this server wrote itself (stored columns). */
    public static java.util.List<String> readStringList(String json) {
        try {
            return java.util.Arrays.asList(MAPPER.readValue(json, String[].class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is not a list of strings: " + json, e);
        }
    }

    /** A date or date-time deserializer that takes a JSON string only, of the years 1900 to 9999; anything else is a 400. */
    private static final class TextOnly<T> extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<T>
            implements com.fasterxml.jackson.databind.deser.ContextualDeserializer {
        private final com.fasterxml.jackson.databind.JsonDeserializer<T> text;

        TextOnly(Class<T> type, com.fasterxml.jackson.databind.JsonDeserializer<T> text) {
            super(type);
            this.text = text;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) return (T) ctxt.handleUnexpectedToken(handledType(), p);
            String raw = p.getText();
            T value = text.deserialize(p, ctxt);
            int year = value instanceof java.time.LocalDate d ? d.getYear()
                    : value instanceof java.time.OffsetDateTime t ? t.getYear() : Requests.MIN_YEAR;
            if (year < Requests.MIN_YEAR || year > Requests.MAX_YEAR) { // ISO allows +999999999-12-31; players and reports do not
                return (T) ctxt.handleWeirdStringValue(handledType(), raw, "year out of range");
            }
            return value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public com.fasterxml.jackson.databind.JsonDeserializer<?> createContextual(
                com.fasterxml.jackson.databind.DeserializationContext ctxt, com.fasterxml.jackson.databind.BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            var contextual = text instanceof com.fasterxml.jackson.databind.deser.ContextualDeserializer c
                    ? (com.fasterxml.jackson.databind.JsonDeserializer<T>) c.createContextual(ctxt, property) : text;
            return new TextOnly<>((Class<T>) handledType(), contextual);
        }
    }

    /** Escapes <, >, & and ' so that JSON dropped into an HTML context can never close a tag. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }


    /** Text as Jackson reads it, refused when it holds U+0000: the error names the field like every other. */
    private static final class NoNul extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        NoNul() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            String text = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw com.fasterxml.jackson.databind.JsonMappingException.from(p, "must not contain the NUL character (U+0000)");
            }
            return text;
        }
    }
}
