package dev.latchkey.tmdb.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A movie as TMDb lists it (favorites, watchlist, ratings).
 *
 * @param id TMDb's movie id
 * @param title the title ({@code ""} if TMDb leaves it out)
 * @param originalTitle the original title (the title if TMDb leaves it out)
 * @param originalLanguage ISO 639-1 code
 * @param overview the synopsis
 * @param releaseDate the release date, if known
 * @param posterPath the poster image path, if any
 * @param backdropPath the backdrop image path, if any
 * @param genreIds TMDb's genre ids
 * @param popularity TMDb's popularity score (0 if TMDb leaves it out)
 * @param voteAverage the average vote, 0 to 10 (0 if TMDb leaves it out: no votes)
 * @param voteCount how many votes (0 if TMDb leaves it out)
 * @param adult whether it is adult content ({@code false} if TMDb leaves it out)
 * @param video whether it is a video release ({@code false} if TMDb leaves it out)
 */
public record Movie(
        @JsonProperty(value = "id", required = true) int id,
        @JsonProperty("title") String title,
        @JsonProperty("original_title") String originalTitle,
        @JsonProperty("original_language") String originalLanguage,
        @JsonProperty("overview") String overview,
        @JsonProperty("release_date") Optional<LocalDate> releaseDate,
        @JsonProperty("poster_path") Optional<String> posterPath,
        @JsonProperty("backdrop_path") Optional<String> backdropPath,
        @JsonProperty("genre_ids") List<Integer> genreIds,
        @JsonProperty("popularity") double popularity,
        @JsonProperty("vote_average") double voteAverage,
        @JsonProperty("vote_count") int voteCount,
        @JsonProperty("adult") boolean adult,
        @JsonProperty("video") boolean video) {

    /**
     * Creates a {@code Movie}, checking and normalizing its components.
     *
     * @param id TMDb's movie id
     * @param title the title
     * @param originalTitle the original title
     * @param originalLanguage ISO 639-1 code
     * @param overview the synopsis
     * @param releaseDate the release date, if known
     * @param posterPath the poster image path, if any
     * @param backdropPath the backdrop image path, if any
     * @param genreIds TMDb's genre ids
     * @param popularity TMDb's popularity score
     * @param voteAverage the average vote, 0 to 10
     * @param voteCount how many votes
     * @param adult whether it is adult content
     * @param video whether it is a video release
     */
    public Movie {
        title = title == null ? "" : title;
        originalTitle = originalTitle == null ? title : originalTitle;
        overview = overview == null ? "" : overview;
        releaseDate = releaseDate == null ? Optional.empty() : releaseDate;
        posterPath = posterPath == null ? Optional.empty() : posterPath;
        backdropPath = backdropPath == null ? Optional.empty() : backdropPath;
        genreIds = genreIds == null ? List.of() : List.copyOf(genreIds);
    }
}
