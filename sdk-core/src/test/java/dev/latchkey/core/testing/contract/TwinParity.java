package dev.latchkey.core.testing.contract;

import dev.latchkey.core.page.AsyncAutoPager;
import dev.latchkey.core.page.AutoPager;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Guards the sync/async twins of a provider module: every public method of a sync class has an async twin of the same
 * name and parameters whose result is the same, and every async method has its sync original. "The same result":
 * {@code T} becomes {@code CompletableFuture<T>} (primitives boxed, {@code void} as {@code Void}), an
 * {@link AutoPager} becomes an {@link AsyncAutoPager} of the same items, and a sync class with a twin of its own
 * becomes that twin (a navigator such as a client's {@code auth()}) or a future of itself (a login's account). Plain accessors and local-only methods are named in an allow-list, each
 * with its reason, so that drift fails the build and every exception to the rule is written down.
 */
public final class TwinParity {
    private static final Set<String> NEVER_TWINNED = Set.of("toString", "equals", "hashCode", "async", "close");

    private TwinParity() {
    }

    /**
     * @param twins each sync class with its async twin (navigators included: a method returning a key of this map must
     *     return its value in the twin)
     * @param allowed method names that need no twin ({@code "KemonoAccount.id"}), each with why
     * @return every difference found, empty when the twins agree
     */
    public static List<String> problems(Map<Class<?>, Class<?>> twins, Map<String, String> allowed) {
        Map<String, String> all = new java.util.HashMap<>(allowed);
        twins.forEach((sync, async) -> standard(sync, async).forEach(all::putIfAbsent));
        return check(twins, all, allowed.keySet());
    }

    /**
     * The exceptions every provider module shares, so no module repeats them: a client's and an account's
     * {@code withRequestOptions} derive a view (its async calls are {@code withRequestOptions(o).async()}), and
     * {@code withResponse} wraps calls of its own kind on either side.
     *
     * @return the standard exceptions of one pair, for the methods it has
     */
    static Map<String, String> standard(Class<?> sync, Class<?> async) {
        Map<String, String> out = new java.util.HashMap<>();
        if (hasMethod(sync, "withRequestOptions")) {
            out.put(sync.getSimpleName() + ".withRequestOptions", "derives a view; its async calls are "
                    + "withRequestOptions(o).async()");
        }
        if (hasMethod(sync, "withResponse")) {
            out.put(sync.getSimpleName() + ".withResponse", "wraps calls on the sync side; the async one wraps "
                    + "async calls");
        }
        if (hasMethod(async, "withResponse")) {
            out.put(async.getSimpleName() + ".withResponse", "wraps calls on the async side; the sync one wraps "
                    + "sync calls");
        }
        return out;
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return publicMethods(type).stream().anyMatch(m -> m.getName().equals(name));
    }

    /** @param listed the entries the caller wrote: each must still name a method (the standard ones need not) */
    private static List<String> check(Map<Class<?>, Class<?>> twins, Map<String, String> allowed,
            Set<String> listed) {
        List<String> problems = new ArrayList<>();
        List<String> used = new ArrayList<>();
        twins.forEach((sync, async) -> {
            for (Method m : publicMethods(sync)) {
                String key = sync.getSimpleName() + '.' + m.getName();
                if (allowed.containsKey(key)) {
                    used.add(key);
                    continue;
                }
                Method twin = find(async, m);
                if (twin == null) {
                    problems.add(key + signature(m) + " has no async twin in " + async.getSimpleName());
                    continue;
                }
                List<String> expected = expectedAsync(m.getGenericReturnType(), twins);
                String actual = twin.getGenericReturnType().getTypeName();
                if (!expected.contains(actual)) {
                    problems.add(async.getSimpleName() + '.' + m.getName() + signature(m) + " returns " + actual
                            + ", expected " + String.join(" or ", expected));
                }
            }
            for (Method m : publicMethods(async)) {
                String key = async.getSimpleName() + '.' + m.getName();
                if (allowed.containsKey(key)) {
                    used.add(key);
                    continue;
                }
                if (find(sync, m) == null) {
                    problems.add(async.getSimpleName() + '.' + m.getName() + signature(m) + " has no sync original in "
                            + sync.getSimpleName());
                }
            }
        });
        for (String key : listed) {
            if (!used.contains(key)) {
                problems.add("allow-list entry " + key + " names no public method: remove it");
            }
        }
        return problems;
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !m.isBridge() && !NEVER_TWINNED.contains(m.getName()))
                .toList();
    }

    private static Method find(Class<?> in, Method like) {
        List<String> params = paramNames(like);
        for (Method m : publicMethods(in)) {
            if (m.getName().equals(like.getName()) && paramNames(m).equals(params)) {
                return m;
            }
        }
        return null;
    }

    private static List<String> paramNames(Method m) {
        return Arrays.stream(m.getGenericParameterTypes()).map(Type::getTypeName).toList();
    }

    private static String signature(Method m) {
        return Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(",
                ")"));
    }

    /** @return the async result types that count as the same result as the sync one */
    static List<String> expectedAsync(Type syncReturn, Map<Class<?>, Class<?>> twins) {
        if (syncReturn instanceof ParameterizedType p && p.getRawType() == AutoPager.class) {
            return List.of(AsyncAutoPager.class.getName() + '<' + p.getActualTypeArguments()[0].getTypeName() + '>');
        }
        String future = CompletableFuture.class.getName() + '<' + boxed(syncReturn) + '>';
        if (syncReturn instanceof Class<?> c && twins.containsKey(c)) {
            // A navigator (a client's auth()) gives the twin at once; a call (a login) gives the object when done.
            return List.of(twins.get(c).getName(), future);
        }
        return List.of(future);
    }

    private static String boxed(Type t) {
        if (t instanceof Class<?> c && c.isPrimitive()) {
            return switch (c.getName()) {
                case "void" -> Void.class.getName();
                case "int" -> Integer.class.getName();
                case "long" -> Long.class.getName();
                case "boolean" -> Boolean.class.getName();
                case "double" -> Double.class.getName();
                default -> throw new IllegalArgumentException("no box for " + c);
            };
        }
        return t.getTypeName();
    }
}
