package org.counterspace.directory.search;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CuratedPlaceRepository extends JpaRepository<CuratedPlace, UUID> {

    List<CuratedPlace> findByCountryAndNameIgnoreCase(String country, String name);
}
