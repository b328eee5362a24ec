package dev.latchkey.kemono.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The domains Kemono and Coomer have moved between, newest first: every move broke users of tools that knew one
 * (mikf/gallery-dl#7902, #7911, #7913, #8350, #8402, #8636). A client on one of them gets the others as mirrors.
 */
public final class KemonoSites {
    /** Each site's domains, in the order they are tried. */
    static final List<List<String>> ALIASES = List.of(List.of("kemono.cr", "kemono.su", "kemono.party"),
            List.of("coomer.st", "coomer.su", "coomer.party"));

    private KemonoSites() {
    }

    /**
     * @param baseUrl a client's base URL
     * @return the same URL on the site's other domains, in order; empty for a host that is not one of them
     */
    public static List<String> mirrorsOf(HttpUrl baseUrl) {
        String host = baseUrl.host().toLowerCase(Locale.ROOT);
        for (List<String> site : ALIASES) {
            if (site.contains(host)) {
                List<String> mirrors = new ArrayList<>();
                for (String other : site) {
                    if (!other.equals(host)) {
                        mirrors.add(baseUrl.newBuilder().host(other).build().toString());
                    }
                }
                return mirrors;
            }
        }
        return List.of();
    }
}
