package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

class BoundedFlashMapManagerTests {

    private final BoundedFlashMapManager manager = new BoundedFlashMapManager();

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/checkins/new");

    @Test
    void keepsOnlyTheNewestMapsOfASessionThatNeverFollowsItsRedirects() {
        for (int i = 0; i < BoundedFlashMapManager.LIMIT + 5; i++) {
            save(i);
        }
        List<FlashMap> kept = stored();
        assertThat(kept).hasSize(BoundedFlashMapManager.LIMIT);
        assertThat(kept.get(0).get("n")).isEqualTo(5);
        assertThat(kept.get(kept.size() - 1).get("n")).isEqualTo(BoundedFlashMapManager.LIMIT + 4);
    }

    @Test
    void theNextPageStillReceivesItsNotice() {
        for (int i = 0; i < BoundedFlashMapManager.LIMIT * 2; i++) {
            save(i);
        }
        MockHttpServletRequest next = new MockHttpServletRequest("GET", "/checkins");
        next.setSession(request.getSession());
        FlashMap received = manager.retrieveAndUpdate(next, new MockHttpServletResponse());
        assertThat((Object) received).isNotNull();
        assertThat(received.get("notice")).isEqualTo("checkin.saved");
        assertThat(stored()).hasSize(BoundedFlashMapManager.LIMIT - 1);
    }

    private void save(int n) {
        FlashMap map = new FlashMap();
        map.put("notice", "checkin.saved");
        map.put("n", n);
        map.setTargetRequestPath("/checkins");
        manager.saveOutputFlashMap(map, request, new MockHttpServletResponse());
    }

    @SuppressWarnings("unchecked")
    private List<FlashMap> stored() {
        return (List<FlashMap>) request.getSession().getAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
    }
}
