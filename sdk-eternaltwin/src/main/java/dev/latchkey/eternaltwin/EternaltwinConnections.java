package dev.latchkey.eternaltwin;

import dev.latchkey.core.error.InvalidInputException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Several configured Eternaltwin clients by name, one of them the default: eternaltwin-py's named connections and its
 * {@code using=} argument. Built in code, or read from properties or the environment:
 *
 * <pre>
 * latchkey.eternaltwin.default=main                          LATCHKEY_ETERNALTWIN_DEFAULT=main
 * latchkey.eternaltwin.main.url=https://eternaltwin.org      LATCHKEY_ETERNALTWIN_MAIN_URL=...
 * latchkey.eternaltwin.main.client-id=myapp@clients          LATCHKEY_ETERNALTWIN_MAIN_CLIENT_ID=...
 * latchkey.eternaltwin.main.client-secret=...                LATCHKEY_ETERNALTWIN_MAIN_CLIENT_SECRET=...
 * latchkey.eternaltwin.main.redirect-uri=https://...         LATCHKEY_ETERNALTWIN_MAIN_REDIRECT_URI=...
 * latchkey.eternaltwin.main.state-key=(Base64, 32+ bytes)    LATCHKEY_ETERNALTWIN_MAIN_STATE_KEY=...
 * </pre>
 *
 * Every setting but {@code url} is optional (a connection without OAuth settings reads users only). The default is the
 * one named by {@code default}, else the one called {@code default}, else the only one. Closing closes every client.
 */
public final class EternaltwinConnections implements AutoCloseable {
    /** The prefix of every property read. */
    public static final String PREFIX = "latchkey.eternaltwin.";
    /** The prefix of every environment variable read. */
    public static final String ENV_PREFIX = "LATCHKEY_ETERNALTWIN_";
    static final Set<String> SETTINGS = Set.of("url", "client-id", "client-secret", "redirect-uri", "state-key");
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    private final Map<String, EternaltwinClient> clients;
    private final String defaultName;

    private EternaltwinConnections(Map<String, EternaltwinClient> clients, String defaultName) {
        this.clients = Map.copyOf(clients);
        this.defaultName = defaultName;
    }

    /** @return a builder of connections made in code */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param properties the settings (see the class comment); other properties are ignored
     * @param common applied to every client's builder before its own settings: a session store, an OkHttp client,
     *     options
     * @return the connections
     * @throws InvalidInputException naming the property (never its value) if one is unknown or malformed
     */
    public static EternaltwinConnections fromProperties(Properties properties,
            Consumer<EternaltwinClient.Builder> common) {
        InvalidInputException.require(properties, "properties");
        Map<String, String> flat = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                flat.put(key.substring(PREFIX.length()), properties.getProperty(key));
            }
        }
        return fromSettings(flat, common, PREFIX);
    }

    /**
     * @param environment the variables, usually {@code System.getenv()} (see the class comment); others are ignored
     * @param common applied to every client's builder before its own settings
     * @return the connections
     * @throws InvalidInputException naming the variable (never its value) if one is unknown or malformed
     */
    public static EternaltwinConnections fromEnvironment(Map<String, String> environment,
            Consumer<EternaltwinClient.Builder> common) {
        InvalidInputException.require(environment, "environment");
        Map<String, String> flat = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            String rest = e.getKey().substring(ENV_PREFIX.length());
            if (rest.equals("DEFAULT")) {
                flat.put("default", e.getValue());
                continue;
            }
            String setting = SETTINGS.stream().filter(s -> rest.endsWith('_' + envName(s))).findFirst()
                    .orElseThrow(() -> new InvalidInputException("unknown Eternaltwin setting " + e.getKey()
                            + "; known: " + String.join(", ", new TreeSet<>(SETTINGS.stream()
                                    .map(EternaltwinConnections::envName).toList()))));
            String name = rest.substring(0, rest.length() - envName(setting).length() - 1).toLowerCase(Locale.ROOT);
            flat.put(name + '.' + setting, e.getValue());
        }
        return fromSettings(flat, common, ENV_PREFIX);
    }

    private static String envName(String setting) {
        return setting.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static EternaltwinConnections fromSettings(Map<String, String> flat,
            Consumer<EternaltwinClient.Builder> common, String origin) {
        InvalidInputException.require(common, "common");
        Map<String, Map<String, String>> byName = new TreeMap<>();
        String chosen = null;
        for (Map.Entry<String, String> e : flat.entrySet()) {
            if (e.getKey().equals("default")) {
                chosen = e.getValue().strip();
                continue;
            }
            int dot = e.getKey().lastIndexOf('.');
            String name = dot < 0 ? "" : e.getKey().substring(0, dot);
            String setting = dot < 0 ? e.getKey() : e.getKey().substring(dot + 1);
            if (!NAME.matcher(name).matches() || !SETTINGS.contains(setting)) {
                throw new InvalidInputException("unknown Eternaltwin setting " + origin + e.getKey()
                        + ": expected <name>." + String.join("|", new TreeSet<>(SETTINGS)));
            }
            byName.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(setting, e.getValue());
        }
        Builder b = builder();
        try {
            byName.forEach((name, settings) -> b.add(name, client(name, settings, common, origin)));
            if (chosen != null) {
                b.defaultName(chosen);
            }
            return b.build();
        } catch (RuntimeException e) {
            b.clients.values().forEach(EternaltwinClient::close);
            throw e;
        }
    }

    private static EternaltwinClient client(String name, Map<String, String> s,
            Consumer<EternaltwinClient.Builder> common, String origin) {
        if (!s.containsKey("url")) {
            throw new InvalidInputException("Eternaltwin connection '" + name + "' has no url (" + origin + name
                    + ".url)");
        }
        EternaltwinClient.Builder b = EternaltwinClient.builder();
        common.accept(b);
        b.baseUrl(s.get("url").strip()).clientId(s.get("client-id")).clientSecret(s.get("client-secret"))
                .redirectUri(s.get("redirect-uri"));
        if (s.containsKey("state-key")) {
            try {
                b.stateKey(Base64.getDecoder().decode(s.get("state-key").strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("the state key of Eternaltwin connection '" + name + "' is not "
                        + "Base64");
            }
        }
        return b.build();
    }

    /**
     * @param name a connection's name
     * @return its client (eternaltwin-py's {@code using=name})
     * @throws InvalidInputException listing the known names, if there is none by that name
     */
    public EternaltwinClient using(String name) {
        EternaltwinClient c = name == null ? null : clients.get(name);
        if (c == null) {
            throw new InvalidInputException("no Eternaltwin connection named '" + name + "'; known: "
                    + String.join(", ", names()));
        }
        return c;
    }

    /** @return the default connection's client */
    public EternaltwinClient defaultClient() {
        return clients.get(defaultName);
    }

    /** @return the default connection's name */
    public String defaultName() {
        return defaultName;
    }

    /** @return every connection's name, sorted */
    public Set<String> names() {
        return new TreeSet<>(clients.keySet());
    }

    /** Closes every client. */
    @Override
    public void close() {
        clients.values().forEach(EternaltwinClient::close);
    }

    @Override
    public String toString() {
        return "EternaltwinConnections{" + names() + ", default=" + defaultName + '}';
    }

    /** Builds {@link EternaltwinConnections}. */
    public static final class Builder {
        private final Map<String, EternaltwinClient> clients = new LinkedHashMap<>();
        private String defaultName;

        private Builder() {
        }

        /**
         * @param name the connection's name: lower-case letters, digits, {@code _} and {@code -}
         * @param client its client
         * @return this builder
         */
        public Builder add(String name, EternaltwinClient client) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidInputException("a connection name is 1 to 64 lower-case letters, digits, _ or -");
            }
            if (clients.containsKey(name)) {
                throw new InvalidInputException("Eternaltwin connection '" + name + "' is given twice");
            }
            clients.put(name, InvalidInputException.require(client, "client"));
            return this;
        }

        /**
         * @param name the connection used when none is named
         * @return this builder
         */
        public Builder defaultName(String name) {
            this.defaultName = name;
            return this;
        }

        /**
         * @return the connections
         * @throws InvalidInputException if there is none, or the default is not one of them or cannot be chosen
         */
        public EternaltwinConnections build() {
            if (clients.isEmpty()) {
                throw new InvalidInputException("no Eternaltwin connection is configured");
            }
            String chosen = defaultName != null ? defaultName : clients.containsKey("default") ? "default"
                    : clients.size() == 1 ? clients.keySet().iterator().next() : null;
            if (chosen == null) {
                throw new InvalidInputException("several Eternaltwin connections and no default: name one of "
                        + String.join(", ", new TreeSet<>(clients.keySet())));
            }
            if (!clients.containsKey(chosen)) {
                throw new InvalidInputException("the default Eternaltwin connection '" + chosen + "' is not "
                        + "configured; known: " + String.join(", ", new TreeSet<>(clients.keySet())));
            }
            Objects.requireNonNull(chosen);
            return new EternaltwinConnections(clients, chosen);
        }
    }
}
