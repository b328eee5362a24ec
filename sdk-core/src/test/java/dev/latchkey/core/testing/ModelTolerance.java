package dev.latchkey.core.testing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.HttpPipeline;
import dev.latchkey.core.http.ProviderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The field policy (docs/architecture.md, "What a model requires"), checked for every model of a provider: a field
 * is <em>required</em> only when the client cannot go on without it, and then both {@code null} and absence are an
 * {@link InvalidResponseException} naming the field's JSON path; every other field tolerates both, and an absent one
 * is never a {@code null} {@code Optional} or list.
 *
 * <p>Each model is read the way every call reads an answer: served by a loopback server and parsed by a real
 * {@link HttpPipeline}, so the exception is the one a user would see. The model's fields are found reflectively
 * (Jackson's own view of the type, nested records and {@code @JsonUnwrapped} included), and a model package's
 * models are found by scanning it, so a new model or a new field without a sample fails the test.
 */
public final class ModelTolerance {
    private static final ObjectMapper INTROSPECT = JsonMapper.builder().addModule(new Jdk8Module())
            .addModule(new JavaTimeModule()).build();

    private ModelTolerance() {
    }

    /**
     * One model, with an answer that holds every field it reads and the paths it requires.
     *
     * @param type the model
     * @param sample a complete JSON object, as the provider's source builds it
     * @param required the JSON paths the client cannot go on without ({@code display_name.current.value},
     *     {@code content[0].kid})
     */
    public record Model(Class<?> type, String sample, Set<String> required) {
    }

    /**
     * @param type the model
     * @param sample a complete JSON object, as the provider's source builds it
     * @param required the JSON paths the client cannot go on without
     * @return the model to check
     */
    public static Model model(Class<?> type, String sample, String... required) {
        return new Model(type, sample, new LinkedHashSet<>(List.of(required)));
    }

    /**
     * @param modelPackage a class of the provider's {@code model} package: every model read from JSON there must be
     *     among {@code models}
     * @param models the models with their samples
     * @return one test per model and field: {@code null} and absent, plus the coverage checks
     */
    public static Stream<DynamicNode> tests(Class<?> modelPackage, List<Model> models) {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("every model of " + modelPackage.getPackageName() + " has a sample", () -> {
            Set<String> missing = new TreeSet<>();
            for (Class<?> c : jsonModels(modelPackage)) {
                if (models.stream().noneMatch(m -> m.type() == c)) {
                    missing.add(c.getSimpleName());
                }
            }
            if (!missing.isEmpty()) {
                throw new AssertionError("models read from JSON without a tolerance sample: " + missing);
            }
        }));
        for (Model m : models) {
            nodes.add(DynamicContainer.dynamicContainer(m.type().getSimpleName(), modelTests(m)));
        }
        return nodes.stream();
    }

    private static Stream<DynamicNode> modelTests(Model m) {
        List<DynamicNode> tests = new ArrayList<>();
        JsonNode sample = tree(m.sample());
        Set<String> paths = fields(m.type());
        tests.add(DynamicTest.dynamicTest("the sample has every field and parses", () -> {
            Set<String> absent = new TreeSet<>();
            for (String p : paths) {
                if (find(sample, p) == null) {
                    absent.add(p);
                }
            }
            if (!absent.isEmpty()) {
                throw new AssertionError(m.type().getSimpleName() + ": the sample lacks " + absent
                        + " (a sample holds every field a real answer may carry)");
            }
            Set<String> unknown = new TreeSet<>(m.required());
            unknown.removeAll(paths);
            if (!unknown.isEmpty()) {
                throw new AssertionError(m.type().getSimpleName() + ": required paths it does not read: " + unknown);
            }
            noNullContainers(parse(m.type(), sample), m.type().getSimpleName());
        }));
        for (String p : paths) {
            boolean required = m.required().contains(p);
            for (boolean remove : new boolean[] {false, true}) {
                String name = p + (remove ? " absent" : " null") + (required ? ": refused" : ": tolerated");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    JsonNode variant = sample.deepCopy();
                    alter(variant, p, remove);
                    if (required) {
                        InvalidResponseException e;
                        try {
                            parse(m.type(), variant);
                            throw new AssertionError(m.type().getSimpleName() + "." + p + " is required, but an "
                                    + "answer without it parsed");
                        } catch (InvalidResponseException x) {
                            e = x;
                        }
                        if (!e.field().orElse("").equals(p)) {
                            throw new AssertionError(m.type().getSimpleName() + "." + p + ": the exception names '"
                                    + e.field().orElse("") + "': " + e.getMessage());
                        }
                    } else {
                        Object parsed;
                        try {
                            parsed = parse(m.type(), variant);
                        } catch (InvalidResponseException e) {
                            throw new AssertionError(m.type().getSimpleName() + "." + p + " is not required, but "
                                    + "an answer with it " + (remove ? "absent" : "null") + " failed: "
                                    + e.getMessage(), e);
                        }
                        noNullContainers(parsed, m.type().getSimpleName());
                    }
                }));
            }
        }
        return tests.stream();
    }

    // --- reading through a real pipeline ---------------------------------------------------------------------------

    private static final class Server {
        private static final MockWebServer SERVER = LoopbackServers.newServer();
        private static final HttpPipeline PIPELINE;

        static {
            try {
                SERVER.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PIPELINE = HttpPipeline.create(ClientOptions.builder().baseUrl(SERVER.url("/").toString()).build(),
                    ProviderSpec.of("model-tolerance", "https://example.invalid"));
        }
    }

    /** @return the model read from the JSON as every call reads an answer */
    private static synchronized Object parse(Class<?> type, JsonNode json) {
        Server.SERVER.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(json.toString()).build());
        return Server.PIPELINE.execute(ApiRequest.get("/model").build(), r -> r.json(type));
    }

    // --- the model's fields, as Jackson sees them ------------------------------------------------------------------

    /** @return every JSON path the type reads: nested records as {@code a.b}, a list's first element as {@code a[0]} */
    static Set<String> fields(Class<?> type) {
        Set<String> out = new LinkedHashSet<>();
        collect(INTROSPECT.constructType(type), "", out, new LinkedHashSet<>());
        return out;
    }

    private static void collect(JavaType type, String prefix, Set<String> out, Set<Class<?>> path) {
        if (!path.add(type.getRawClass())) {
            return; // a recursive type: once is enough
        }
        BeanDescription d = INTROSPECT.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition p : d.findProperties()) {
            if (!p.hasConstructorParameter() && !p.hasSetter() && !p.hasField()) {
                continue;
            }
            JavaType t = p.getPrimaryType();
            boolean unwrapped = p.getPrimaryMember() != null
                    && p.getPrimaryMember().getAnnotation(JsonUnwrapped.class) != null;
            if (unwrapped) {
                collect(t, prefix, out, path);
                continue;
            }
            String name = prefix + p.getName();
            out.add(name);
            nested(t, name, out, path);
        }
        path.remove(type.getRawClass());
    }

    private static void nested(JavaType t, String name, Set<String> out, Set<Class<?>> path) {
        if (t.isReferenceType()) {
            nested(t.getReferencedType(), name, out, path);
        } else if (t.isCollectionLikeType() || t.isArrayType()) {
            if (isModel(t.getContentType().getRawClass())) {
                collect(t.getContentType(), name + "[0].", out, path);
            }
        } else if (isModel(t.getRawClass())) {
            collect(t, name + ".", out, path);
        }
    }

    /** @return whether Jackson reads the class field by field (a record or creator of ours, not a scalar) */
    private static boolean isModel(Class<?> c) {
        if (c.isPrimitive() || c.getName().startsWith("java.") || JsonNode.class.isAssignableFrom(c)) {
            return false;
        }
        return c.isRecord() && c.getRecordComponents().length > 0 && !scalarCreator(c) || propertyCreator(c);
    }

    /** A one-argument creator without a property name reads a scalar (an open enum). */
    private static boolean scalarCreator(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonCreator.class) && m.getParameterCount() == 1
                    && !m.getParameters()[0].isAnnotationPresent(JsonProperty.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean propertyCreator(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonCreator.class) && Modifier.isStatic(m.getModifiers())) {
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(JsonProperty.class)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** @return the public top-level models of the class's package that Jackson reads from JSON */
    static List<Class<?>> jsonModels(Class<?> anchor) {
        String pkg = anchor.getPackageName();
        List<Class<?>> found = new ArrayList<>();
        for (String name : classNames(anchor)) {
            if (!name.startsWith(pkg + '.') || name.substring(pkg.length() + 1).contains(".")
                    || name.contains("$")) {
                continue;
            }
            try {
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && (readsJson(c))) {
                    found.add(c);
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return found;
    }

    /** A record with a {@code @JsonProperty} component, or a class with a property-based {@code @JsonCreator}. */
    private static boolean readsJson(Class<?> c) {
        if (c.isRecord()) {
            // Jackson's annotations do not target record components: they land on the fields (and accessors).
            for (RecordComponent rc : c.getRecordComponents()) {
                try {
                    java.lang.reflect.Field f = c.getDeclaredField(rc.getName());
                    if (f.isAnnotationPresent(JsonProperty.class) || f.isAnnotationPresent(JsonUnwrapped.class)) {
                        return true;
                    }
                } catch (NoSuchFieldException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return propertyCreator(c);
    }

    /** @return the names of the classes beside the anchor (its directory or jar) */
    private static List<String> classNames(Class<?> anchor) {
        try {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(className(
                            root.relativize(f).toString().replace('\\', '/'))));
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().filter(e -> e.getName().endsWith(".class"))
                            .forEach(e -> names.add(className(e.getName())));
                }
            }
            return names;
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError("cannot list the classes beside " + anchor, e);
        }
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }

    // --- JSON paths ------------------------------------------------------------------------------------------------

    private static JsonNode tree(String json) {
        try {
            return INTROSPECT.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("the sample is not JSON: " + json, e);
        }
    }

    /** @return the node at a path such as {@code a.b[0].c}, or {@code null} */
    static JsonNode find(JsonNode root, String path) {
        JsonNode n = root;
        for (String step : path.split("\\.")) {
            n = step(n, step);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private static JsonNode step(JsonNode n, String step) {
        boolean indexed = step.endsWith("[0]");
        String field = indexed ? step.substring(0, step.length() - 3) : step;
        JsonNode child = n != null && n.isObject() ? n.get(field) : null;
        if (indexed) {
            return child != null && child.isArray() && child.size() > 0 ? child.get(0) : null;
        }
        return child;
    }

    private static void alter(JsonNode root, String path, boolean remove) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : find(root, path.substring(0, dot));
        String last = dot < 0 ? path : path.substring(dot + 1);
        if (!(parent instanceof ObjectNode o)) {
            throw new AssertionError("no object holds " + path);
        }
        if (last.endsWith("[0]")) {
            // the list's first element: null or removed from the list
            ArrayNode list = (ArrayNode) o.get(last.substring(0, last.length() - 3));
            if (remove) {
                list.remove(0);
            } else {
                list.setNull(0);
            }
        } else if (remove) {
            o.remove(last);
        } else {
            o.putNull(last);
        }
    }

    // --- what a parsed model must never hold -----------------------------------------------------------------------

    /** An {@code Optional} or a list is never {@code null}: absence is empty. Checked through nested records. */
    private static void noNullContainers(Object value, String where) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent rc : value.getClass().getRecordComponents()) {
            Object v;
            try {
                rc.getAccessor().setAccessible(true);
                v = rc.getAccessor().invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new AssertionError(where + "." + rc.getName() + "() threw", e);
            }
            Class<?> t = rc.getType();
            boolean container = t == Optional.class || t == OptionalInt.class || t == OptionalLong.class
                    || t == OptionalDouble.class || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
            if (container && v == null) {
                throw new AssertionError(where + "." + rc.getName() + "() is null: an absent field is empty");
            }
            if (v instanceof Optional<?> o) {
                o.ifPresent(inner -> noNullContainers(inner, where + "." + rc.getName()));
            } else if (v instanceof Collection<?> c) {
                c.forEach(inner -> noNullContainers(inner, where + "." + rc.getName()));
            } else {
                noNullContainers(v, where + "." + rc.getName());
            }
        }
    }
}
