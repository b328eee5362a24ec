package dev.latchkey.tmdb.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A TV show as TMDb lists it.
 *
 * @param id TMDb's series id
 * @param name the name ({@code ""} if TMDb leaves it out)
 * @param originalName the original name
 * @param originalLanguage ISO 639-1 code
 * @param overview the synopsis
 * @param firstAirDate the first air date, if known
 * @param originCountry ISO 3166-1 codes
 * @param posterPath the poster image path, if any
 * @param backdropPath the backdrop image path, if any
 * @param genreIds TMDb's genre ids
 * @param popularity TMDb's popularity score
 * @param voteAverage the average vote, 0 to 10
 * @param voteCount how many votes
 */
public record TvShow(
        @JsonProperty(value = "id", required = true) int id,
        @JsonProperty("name") String name,
        @JsonProperty("original_name") String originalName,
        @JsonProperty("original_language") String originalLanguage,
        @JsonProperty("overview") String overview,
        @JsonProperty("first_air_date") Optional<LocalDate> firstAirDate,
        @JsonProperty("origin_country") List<String> originCountry,
        @JsonProperty("poster_path") Optional<String> posterPath,
        @JsonProperty("backdrop_path") Optional<String> backdropPath,
        @JsonProperty("genre_ids") List<Integer> genreIds,
        @JsonProperty("popularity") double popularity,
        @JsonProperty("vote_average") double voteAverage,
        @JsonProperty("vote_count") int voteCount) {

    /**
     * Creates a {@code TvShow}, checking and normalizing its components.
     *
     * @param id TMDb's series id
     * @param name the name
     * @param originalName the original name
     * @param originalLanguage ISO 639-1 code
     * @param overview the synopsis
     * @param firstAirDate the first air date, if known
     * @param originCountry ISO 3166-1 codes
     * @param posterPath the poster image path, if any
     * @param backdropPath the backdrop image path, if any
     * @param genreIds TMDb's genre ids
     * @param popularity TMDb's popularity score
     * @param voteAverage the average vote, 0 to 10
     * @param voteCount how many votes
     */
    public TvShow {
        name = name == null ? "" : name;
        originalName = originalName == null ? name : originalName;
        overview = overview == null ? "" : overview;
        firstAirDate = firstAirDate == null ? Optional.empty() : firstAirDate;
        originCountry = originCountry == null ? List.of() : List.copyOf(originCountry);
        posterPath = posterPath == null ? Optional.empty() : posterPath;
        backdropPath = backdropPath == null ? Optional.empty() : backdropPath;
        genreIds = genreIds == null ? List.of() : List.copyOf(genreIds);
    }
}
