package org.counterspace.directory;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ServiceAtLocationRepository extends JpaRepository<ServiceAtLocation, UUID> {

    @Query("select sal from ServiceAtLocation sal join sal.location l join l.addresses a "
            + "where upper(replace(a.postalCode, ' ', '')) like ?1")
    Page<ServiceAtLocation> findByPostcodePrefix(String normalizedPrefix, Pageable pageable);
}
