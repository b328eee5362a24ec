package dev.latchkey.consumer;

import dev.latchkey.kemono.KemonoAccount;
import dev.latchkey.kemono.model.FavoriteCreator;
import dev.latchkey.tmdb.TmdbAccount;
import dev.latchkey.tmdb.model.Movie;
import java.util.List;

/** What a user's application does with Latchkey: names from an account's favorites. */
public final class FavoriteNames {
    private FavoriteNames() {
    }

    /**
     * @param account a logged-in Kemono account
     * @return the names of its favorite creators, sorted
     */
    public static List<String> kemono(KemonoAccount account) {
        return account.favoriteCreators().stream().map(FavoriteCreator::name).sorted().toList();
    }

    /**
     * @param account a TMDb account
     * @param limit the most titles to read (pages are fetched as needed)
     * @return the titles of its favorite movies, in TMDb's order
     */
    public static List<String> tmdb(TmdbAccount account, int limit) {
        return account.favoriteMovies().stream().limit(limit).map(Movie::title).toList();
    }
}
