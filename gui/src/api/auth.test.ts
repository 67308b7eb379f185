import { beforeEach, describe, expect, it, vi } from "vitest";

// A fresh module per test: the stored token is read once, when the module loads.
async function loadAuth() {
  vi.resetModules();
  return import("./auth");
}

describe("authStore", () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it("keeps the token for the browser session, not in localStorage", async () => {
    const { authStore, STORAGE_KEY } = await loadAuth();
    authStore.setToken("  s3cret ");
    expect(authStore.getToken()).toBe("s3cret");
    expect(sessionStorage.getItem(STORAGE_KEY)).toBe("s3cret");
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();

    // A reload in the same session finds it again.
    const reloaded = await loadAuth();
    expect(reloaded.authStore.getToken()).toBe("s3cret");
  });

  it("forgets the token when it is cleared", async () => {
    const { authStore, STORAGE_KEY } = await loadAuth();
    authStore.setToken("s3cret");
    authStore.setToken(null);
    expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
    expect((await loadAuth()).authStore.getToken()).toBeNull();
  });

  it("removes a token an older GUI left in localStorage, and does not use it", async () => {
    localStorage.setItem("stoat-ferret.apiToken", "forever");
    const { authStore } = await loadAuth();
    expect(authStore.getToken()).toBeNull();
    expect(localStorage.getItem("stoat-ferret.apiToken")).toBeNull();
  });
});
