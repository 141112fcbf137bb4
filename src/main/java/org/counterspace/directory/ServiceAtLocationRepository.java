package org.counterspace.directory;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ServiceAtLocationRepository extends JpaRepository<ServiceAtLocation, UUID>, JpaSpecificationExecutor<ServiceAtLocation> {
}
