package org.counterspace.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Flash attributes in the session, as Spring keeps them, but at most {@link #LIMIT} waiting per
 * session (the oldest go first). A client that posts without following the redirects (a script, a
 * stuck tab) would otherwise pile up one map per post for three minutes, and every request of that
 * session scans the whole pile. A person never has more than a few redirects in flight.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class BoundedFlashMapManager extends SessionFlashMapManager {

    static final int LIMIT = 16;

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        // Spring appends new maps and edits the stored list in place, so keep the newest in a list of the same kind.
        super.updateFlashMaps(flashMaps.size() <= LIMIT ? flashMaps
                : new CopyOnWriteArrayList<>(flashMaps.subList(flashMaps.size() - LIMIT, flashMaps.size())), request, response);
    }
}
