/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-first-frame.c — the external first-frame harness of `make bench`:
 * the same code times every program, duan8 or not, from outside.
 *
 * Usage: bench-first-frame [--shader-cache DIR] [--settle MS] -- PROGRAM [ARGS…]
 *
 * Watches the X display for new top-level windows (SubstructureNotify on
 * the root), starts PROGRAM with a fresh HOME and XDG folders (removed
 * afterwards), puts an XDamage monitor on each top-level it creates, and
 * stops the clock at the first damage after which a window of the program
 * holds drawn content: its first frame. The X server's own painting of
 * the background when a window is mapped is damage too, but one colour,
 * and no frame of the program (counting it timed the map, not the
 * frame). Then waits --settle ms (default 500) and reads
 * the process's peak resident memory (VmHWM), and ends it. Mesa's shader
 * cache is --shader-cache (an empty folder: cold; one kept between runs:
 * warm). Prints "MS PEAK_KIB" on one line; exits 1 when no frame came in
 * 30 s.
 */
#include <errno.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

static int
ignore_x_error (Display *dpy, XErrorEvent *event)
{
  /* Input-only and short-lived windows refuse a damage monitor. */
  return 0;
}

/* Whether WINDOW holds more than one colour: the map exposure fills it
 * with its background, a program's frame draws a header, text, edges.
 * Reading the image takes milliseconds; the time was taken before. */
static int
shows_content (Display *dpy,
               Window   window)
{
  XWindowAttributes attrs;
  XImage *image;
  unsigned long first;
  int varied = 0;

  if (!XGetWindowAttributes (dpy, window, &attrs) || attrs.map_state != IsViewable)
    return 0;
  image = XGetImage (dpy, window, 0, 0, attrs.width, attrs.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;
  first = XGetPixel (image, 0, 0);
  for (int y = 0; y < attrs.height && !varied; y += 2)
    for (int x = 0; x < attrs.width && !varied; x += 2)
      varied = XGetPixel (image, x, y) != first;
  XDestroyImage (image);
  return varied;
}

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
peak_kib (pid_t pid)
{
  char path[64], line[256];
  FILE *f;
  long kib = -1;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  if ((f = fopen (path, "r")) == NULL)
    return -1;
  while (fgets (line, sizeof line, f))
    if (sscanf (line, "VmHWM: %ld kB", &kib) == 1)
      break;
  fclose (f);
  return kib;
}

static void
make_dir (const char *base, const char *sub, char *out, size_t len)
{
  snprintf (out, len, "%s/%s", base, sub);
  mkdir (out, 0700);
}

int
main (int argc, char **argv)
{
  const char *shader_cache = NULL;
  int settle = 500, first = 1, damage_event, damage_error;
  char home[] = "/tmp/d8-first-frame-XXXXXX";
  char dir[4096];
  Display *dpy;
  Window root;
  pid_t pid;
  double start, frame = -1;
  long kib;
  int status = 0;

  for (; first < argc && strcmp (argv[first], "--") != 0; first++)
    if (strcmp (argv[first], "--shader-cache") == 0 && first + 1 < argc)
      shader_cache = argv[++first];
    else if (strcmp (argv[first], "--settle") == 0 && first + 1 < argc)
      settle = atoi (argv[++first]);
  if (first + 1 >= argc)
    {
      fprintf (stderr, "usage: %s [--shader-cache DIR] [--settle MS] -- PROGRAM [ARGS…]\n", argv[0]);
      return 2;
    }
  first++;

  /* Under load the server may refuse a connection for a moment. */
  for (int attempt = 0; attempt < 50 && (dpy = XOpenDisplay (NULL)) == NULL; attempt++)
    {
      struct timespec ts = { 0, 100000000L };

      nanosleep (&ts, NULL);
    }
  if (dpy == NULL)
    {
      fprintf (stderr, "bench-first-frame: no X display\n");
      return 2;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "bench-first-frame: the X server has no DAMAGE extension\n");
      return 2;
    }
  XSetErrorHandler (ignore_x_error);
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);

  if (mkdtemp (home) == NULL)
    return 2;
  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      setenv ("HOME", home, 1);
      make_dir (home, ".config", dir, sizeof dir);
      setenv ("XDG_CONFIG_HOME", dir, 1);
      make_dir (home, ".cache", dir, sizeof dir);
      setenv ("XDG_CACHE_HOME", dir, 1);
      make_dir (home, ".local", dir, sizeof dir);
      make_dir (home, ".local/share", dir, sizeof dir);
      setenv ("XDG_DATA_HOME", dir, 1);
      make_dir (home, ".local/state", dir, sizeof dir);
      setenv ("XDG_STATE_HOME", dir, 1);
      if (shader_cache != NULL)
        setenv ("MESA_SHADER_CACHE_DIR", shader_cache, 1);
      else
        {
          make_dir (home, ".cache/mesa", dir, sizeof dir);
          setenv ("MESA_SHADER_CACHE_DIR", dir, 1);
        }
      /* no output of the program in the figures */
      {
        int null = open ("/dev/null", O_WRONLY);
        dup2 (null, 1);
        dup2 (null, 2);
      }
      execvp (argv[first], argv + first);
      _exit (127);
    }

  while (frame < 0 && now_ms () - start < 30000)
    {
      XEvent event;

      if (XPending (dpy) == 0)
        {
          int fd = ConnectionNumber (dpy);
          fd_set set;
          struct timeval tv = { 0, 20000 };

          FD_ZERO (&set);
          FD_SET (fd, &set);
          select (fd + 1, &set, NULL, NULL, &tv);
          if (waitpid (pid, &status, WNOHANG) == pid)
            break;
          continue;
        }
      XNextEvent (dpy, &event);
      if (event.type == CreateNotify && event.xcreatewindow.parent == root)
        XDamageCreate (dpy, event.xcreatewindow.window, XDamageReportNonEmpty);
      else if (event.type == damage_event + XDamageNotify)
        {
          XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;
          double at = now_ms () - start;

          /* Mapping a window paints its background: damage, but not a
           * frame of the program. A frame is the first damage after
           * which the window holds drawn content (not one colour). */
          XDamageSubtract (dpy, damage->damage, None, None);
          if (shows_content (dpy, damage->drawable))
            frame = at;
        }
    }

  if (frame >= 0)
    {
      struct timespec ts = { settle / 1000, (settle % 1000) * 1000000L };

      nanosleep (&ts, NULL);
    }
  kib = peak_kib (pid);
  kill (pid, SIGTERM);
  {
    double wait_start = now_ms ();

    while (waitpid (pid, &status, WNOHANG) == 0)
      {
        struct timespec ts = { 0, 20000000L };

        if (now_ms () - wait_start > 3000)
          {
            kill (pid, SIGKILL);
            waitpid (pid, &status, 0);
            break;
          }
        nanosleep (&ts, NULL);
      }
  }
  snprintf (dir, sizeof dir, "rm -rf '%s'", home);
  if (system (dir) != 0)
    fprintf (stderr, "bench-first-frame: could not remove %s\n", home);
  XCloseDisplay (dpy);
  if (frame < 0)
    {
      fprintf (stderr, "bench-first-frame: %s showed no frame\n", argv[first]);
      return 1;
    }
  printf ("%.1f %ld\n", frame, kib);
  return 0;
}
