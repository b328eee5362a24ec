package dev.latchkey.testkit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link WithFakeServers}: resolves fake-typed parameters to one started fake per type per test
 * class, resets them before each test, and closes them with the class (they are {@link AutoCloseable} values of the
 * class's extension store, which JUnit closes).
 */
public final class FakeServerExtension implements ParameterResolver, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeServerExtension.class);

    /** Created by JUnit. */
    public FakeServerExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return factory(parameter.getParameter().getType()) != null;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(type, t -> {
            FakeServer<?> fake = create(type);
            fake.start();
            fakes(store).add(fake);
            return fake;
        }, FakeServer.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Fakes made for an earlier test of the class go back to their seeded state; new ones are fresh anyway.
        for (FakeServer<?> fake : fakes(classContext(context).getStore(NAMESPACE))) {
            fake.reset();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<FakeServer<?>> fakes(ExtensionContext.Store store) {
        return store.getOrComputeIfAbsent("fakes", k -> new ArrayList<FakeServer<?>>(), List.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static Method factory(Class<?> type) {
        if (!FakeServer.class.isAssignableFrom(type)) {
            return null;
        }
        try {
            Method create = type.getMethod("create");
            return Modifier.isStatic(create.getModifiers()) && type.isAssignableFrom(create.getReturnType())
                    ? create : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static FakeServer<?> create(Class<?> type) {
        try {
            return (FakeServer<?>) factory(type).invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ParameterResolutionException("cannot create " + type.getName() + " with create()", e);
        }
    }
}
