// The process diagram of /admin/models/{key}: the bpmn-js viewer (from /vendor/bpmn-js) imports the
// XML the engine stored for the version shown, and marks where running instances wait and where
// incidents are. Without the viewer the page keeps its XML link and the table of counts.
(function () {
  var box = document.getElementById('model-diagram');
  if (!box || typeof window.BpmnJS !== 'function') {
    return;
  }
  function failed() {
    box.classList.remove('loaded');
    var note = box.querySelector('.no-viewer');
    if (note) {
      note.textContent = box.getAttribute('data-failed');
    }
  }
  fetch(box.getAttribute('data-xml-url'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) {
      box.classList.add('loaded');
      var viewer = new window.BpmnJS({ container: box });
      return viewer.importXML(xml).then(function () {
        viewer.get('canvas').zoom('fit-viewport');
        mark(viewer);
      });
    })
    .catch(failed);

  function mark(viewer) {
    var overlays = viewer.get('overlays');
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    document.querySelectorAll('tr.activity-count').forEach(function (row) {
      var id = row.getAttribute('data-activity');
      if (!registry.get(id)) {
        return;
      }
      var instances = Number(row.getAttribute('data-instances'));
      var incidents = Number(row.getAttribute('data-incidents'));
      if (instances > 0) {
        overlays.add(id, { position: { bottom: 8, left: -8 }, html: badge('instance-count', instances) });
      }
      if (incidents > 0) {
        canvas.addMarker(id, 'has-incident');
        overlays.add(id, { position: { bottom: 8, right: 8 }, html: badge('incident-count', incidents) });
      }
    });
  }

  function badge(kind, count) {
    var span = document.createElement('span');
    span.className = kind;
    span.textContent = String(count);
    return span;
  }
})();
