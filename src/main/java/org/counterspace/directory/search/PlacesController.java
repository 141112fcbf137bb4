package org.counterspace.directory.search;

import java.io.IOException;

import org.counterspace.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Curators add places to the gazetteer from a CSV file (ROLE_ADMIN, as every /curate page). */
@Controller
class PlacesController {

    private final CuratedPlaces places;

    PlacesController(CuratedPlaces places) {
        this.places = places;
    }

    @GetMapping("/curate/places")
    String page(Model model) {
        model.addAttribute("count", places.count());
        return "directory/curate/places";
    }

    @PostMapping("/curate/places/import")
    String importPlaces(@RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal AccountPrincipal me, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("noFile", true);
        }
        else {
            model.addAttribute("outcome", places.importCsv(file.getBytes(), me.getUsername()));
        }
        return page(model);
    }
}
