package dev.latchkey.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * How the mapper reads times ({@code LocalDate}, {@code LocalDateTime}, {@code Instant}), in three steps:
 * <ol>
 *   <li>the ISO layouts the providers send ({@code 2024-05-01}, {@code 2021-04-02T23:50:57.138135}) digit by digit,
 *     straight from the parser's characters. {@code DateTimeFormatter} builds a parse context, a field map and a
 *     {@code Parsed} per value: a TMDb page of 20 movies spent an eighth of its allocation there, and a 100,000-item
 *     Kemono stream parses three timestamps per item;</li>
 *   <li>anything else goes to Jackson's own deserializer, so what Jackson reads is read exactly as Jackson reads it;</li>
 *   <li>what Jackson refuses is tried in the other forms the providers' histories show ({@link LenientTimes}: HTTP
 *     dates, Unix seconds, offsets). If none fits, a required field fails with Jackson's error and its path, and an
 *     optional one is {@code null}: one odd date never fails a whole list of favorites.</li>
 * </ol>
 * A model's own {@code @JsonFormat} pattern is Jackson's alone.
 */
final class IsoTimes {
    private IsoTimes() {
    }

    /** @return the module; registered after {@code JavaTimeModule}, so that it takes precedence */
    static SimpleModule module() {
        return new SimpleModule("latchkey-iso-times")
                .addDeserializer(LocalDate.class, new Fast<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        IsoTimes::date))
                .addDeserializer(LocalDateTime.class, new Fast<>(LocalDateTime.class,
                        LocalDateTimeDeserializer.INSTANCE, IsoTimes::dateTime))
                // Instants come with a zone: Jackson's reader is as fast as any; only the lenient step is added.
                .addDeserializer(Instant.class, new Fast<>(Instant.class, InstantDeserializer.INSTANT,
                        (text, offset, length) -> null));
    }

    /** Reads text from the parser's characters; serializable, as the deserializer holding it is. */
    private interface Reader<T> extends java.io.Serializable {
        /** @return the value, or {@code null} to leave the text to Jackson */
        T read(char[] text, int offset, int length);
    }

    /** The fast path in front of Jackson's own deserializer, and the lenient forms behind it. */
    private static final class Fast<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private final JsonDeserializer<?> jackson;
        private final Reader<T> reader;
        /** Whether an unreadable value is {@code null} (a field not marked required) rather than a failure. */
        private final boolean optional;

        Fast(Class<T> type, JsonDeserializer<?> jackson, Reader<T> reader) {
            this(type, jackson, reader, false);
        }

        private Fast(Class<T> type, JsonDeserializer<?> jackson, Reader<T> reader, boolean optional) {
            super(type);
            this.jackson = jackson;
            this.reader = reader;
            this.optional = optional;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = jackson instanceof ContextualDeserializer c
                    ? c.createContextual(ctxt, property) : jackson;
            JsonFormat.Value format = findFormatOverrides(ctxt, property, handledType());
            if (format != null && format.hasPattern()) {
                return contextual; // a pattern of the model's own: Jackson's alone
            }
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) handledType();
            // A root value has no property: it is as strict as a required field.
            return new Fast<>(type, contextual, reader, property != null && !property.isRequired());
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                T value = reader.read(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (value != null) {
                    return value;
                }
            }
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                return optional ? structured(p, ctxt) : (T) jackson.deserialize(p, ctxt);
            }
            try {
                return (T) jackson.deserialize(p, ctxt);
            } catch (JsonProcessingException | DateTimeException e) {
                // A scalar: the parser has not moved past it, so reading it again is safe.
                if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                        || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    Object lenient = LenientTimes.read(p.getText(), handledType());
                    if (lenient != null) {
                        return (T) lenient;
                    }
                }
                if (optional) {
                    return null;
                }
                throw e;
            }
        }

        /** An array or object where a time is due, in an optional field: Jackson's reading of it, or {@code null}. */
        @SuppressWarnings("unchecked")
        private T structured(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p); // the whole value is consumed, whatever Jackson makes of it
            try (JsonParser again = tree.traverse(p.getCodec())) {
                again.nextToken();
                return (T) jackson.deserialize(again, ctxt);
            } catch (JsonProcessingException | DateTimeException e) {
                return null;
            }
        }
    }

    /** @return {@code yyyy-MM-dd} as a date, or {@code null} if the text is anything else */
    static LocalDate date(char[] text, int offset, int length) {
        if (length != 10) {
            return null;
        }
        int ymd = ymd(text, offset);
        if (ymd < 0) {
            return null;
        }
        try {
            return LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * @return {@code yyyy-MM-ddTHH:mm}, with {@code :ss} and {@code .f} (1 to 9 digits) optional, as a date-time, or
     *     {@code null} if the text is anything else
     */
    static LocalDateTime dateTime(char[] text, int offset, int length) {
        if (length != 16 && length != 19 && (length < 21 || length > 29)) {
            return null;
        }
        int ymd = ymd(text, offset);
        if (ymd < 0 || text[offset + 10] != 'T' || text[offset + 13] != ':') {
            return null;
        }
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = 0;
        int nano = 0;
        if (length >= 19) {
            second = text[offset + 16] == ':' ? digits(text, offset + 17, 2) : -1;
        }
        if (length >= 21) {
            int fraction = length - 20;
            nano = text[offset + 19] == '.' ? digits(text, offset + 20, fraction) : -1;
            for (int i = fraction; i < 9 && nano >= 0; i++) {
                nano *= 10;
            }
        }
        if (hour < 0 || minute < 0 || second < 0 || nano < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(ymd / 10000, ymd / 100 % 100, ymd % 100, hour, minute, second, nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** @return {@code yyyy-MM-dd} packed as {@code yyyyMMdd}, or -1 if the text is not that layout */
    private static int ymd(char[] text, int offset) {
        if (text[offset + 4] != '-' || text[offset + 7] != '-') {
            return -1;
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        return year < 0 || month < 0 || day < 0 ? -1 : year * 10000 + month * 100 + day;
    }

    /** @return the ASCII digits at offset as a number, or -1 if any is not one */
    private static int digits(char[] text, int offset, int count) {
        int value = 0;
        for (int i = offset; i < offset + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
