package dev.latchkey.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * The one private Jackson mapper. It is never handed to users and never taken from them, so their settings cannot
 * change how Latchkey reads the wire, and ours cannot change theirs.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // Bodies may hold secrets: keep them out of parser messages.
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .addModule(IsoTimes.module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A primitive that is not required takes its default (false, 0) for null or absence: a flag a real
            // server leaves out must not fail a whole answer (Karaoke Mugen's flag_temporary is NULL for most users).
            // A required one refuses both (RequiredMeansNonNull, and Jackson's required check).
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
            .annotationIntrospector(new RequiredMeansNonNull())
            // A null inside a list of records is never data: a favorite with no id is an invalid answer.
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    /**
     * Reads untyped JSON (a {@code Map}, a {@code List} of {@code Object}, a {@code JsonNode}): there a null is the
     * answer's data, kept as it came. TMDb's movie details carry {@code "belongs_to_collection": null}, which the
     * escape hatch read into a {@code Map} must return, not refuse.
     */
    private static final ObjectMapper UNTYPED = MAPPER.copy().setDefaultSetterInfo(JsonSetter.Value.empty());

    /**
     * {@code @JsonProperty(required = true)} only checks that a field is present; an explicit {@code null} would pass
     * and surface later as a {@code NullPointerException} in the caller's code. Here a required field also refuses
     * {@code null}, which Jackson reports with the field's path.
     */
    private static final class RequiredMeansNonNull extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonSetter.Value findSetterInfo(Annotated a) {
            JsonSetter.Value declared = super.findSetterInfo(a);
            JsonProperty p = _findAnnotation(a, JsonProperty.class);
            if (p != null && p.required() && declared.getValueNulls() == Nulls.DEFAULT) {
                declared = declared.withValueNulls(Nulls.FAIL);
            }
            // A field of untyped JSON keeps its nulls, as a root of untyped JSON does (UNTYPED).
            JavaType type = a instanceof AnnotatedParameter || a instanceof AnnotatedField ? a.getType() : null;
            if (type != null && type.isContainerType() && untyped(type) && declared.getContentNulls() == Nulls.DEFAULT) {
                declared = declared.withContentNulls(Nulls.SET);
            }
            return declared;
        }
    }

    private static final java.util.Map<java.lang.reflect.Type, ObjectReader> READERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Json() {
    }

    /** @return the mapper; internal to Latchkey */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param type the type to read
     * @return a reader for a generic type, cached by the type it stands for: resolving a generic type on every call
     *     costs allocation. Keyed by the type, not by the reference, so a reference created per call (an anonymous
     *     class instance each time) finds the same reader instead of adding one to the cache for ever.
     */
    public static ObjectReader readerFor(TypeReference<?> type) {
        return readerFor(type.getType());
    }

    /**
     * @param type the type to read
     * @return a reader for it, cached; untyped JSON keeps its nulls (see {@link #UNTYPED})
     */
    public static ObjectReader readerFor(java.lang.reflect.Type type) {
        return READERS.computeIfAbsent(type, t -> {
            JavaType javaType = MAPPER.constructType(t);
            return (untyped(javaType) ? UNTYPED : MAPPER).readerFor(javaType);
        });
    }

    /** @return whether the type is JSON as it is: {@code Object}, a tree, or a container of them at any depth */
    static boolean untyped(JavaType type) {
        if (type.hasRawClass(Object.class) || JsonNode.class.isAssignableFrom(type.getRawClass())) {
            return true;
        }
        return type.isContainerType() && type.getContentType() != null && untyped(type.getContentType());
    }

    /** @return how many generic readers are cached (one per type read) */
    static int cachedReaders() {
        return READERS.size();
    }

    /**
     * @param text text that may be JSON
     * @return the text parsed as a JSON tree, or {@code null} if it is not JSON
     */
    public static JsonNode tryParseTree(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * @param value the value to write as JSON
     * @return the value as JSON bytes; failure here is a programming error in a model
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName() + " as JSON", e);
        }
    }
}
