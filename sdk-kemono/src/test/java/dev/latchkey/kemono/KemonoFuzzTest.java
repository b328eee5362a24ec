package dev.latchkey.kemono;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.latchkey.core.testing.contract.AnswerFuzzing;
import dev.latchkey.core.testing.contract.ProviderFuzzing;

/** Raw HTTP answers from Jazzer through every public Kemono call ({@link ProviderFuzzing}). */
class KemonoFuzzTest extends ProviderFuzzing {
    private static AnswerFuzzing fuzzing;

    static synchronized AnswerFuzzing fuzzing() {
        if (fuzzing == null) {
            fuzzing = new AnswerFuzzing(KemonoContractTest.KemonoSubject::new);
        }
        return fuzzing;
    }

    @Override
    protected String name() {
        return "kemono";
    }

    @Override
    protected Class<?> driver() {
        return Driver.class;
    }

    /** The entry point Jazzer's own driver calls, in a child JVM. */
    public static final class Driver {
        public static void fuzzerTestOneInput(FuzzedDataProvider data) throws Exception {
            fuzzing().run(data);
        }
    }
}
