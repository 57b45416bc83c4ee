// The analytics page's two charts (Chart.js, served from npm by the Bot). The same figures are in
// the tables under them, so the charts are a quicker look, not the only one.
'use strict';
(() => {
  const data = JSON.parse(document.getElementById('chart-data').textContent);
  if (typeof Chart === 'undefined') return;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = '#1a1a1a';
  new Chart(document.getElementById('days-chart'), {
    type: 'line',
    data: {
      labels: data.days.map(d => d.day),
      datasets: [
        { label: 'Wiadomości', data: data.days.map(d => d.messages), borderColor: '#0b4f8a', backgroundColor: '#0b4f8a' },
        { label: 'Rozmowy', data: data.days.map(d => d.conversations), borderColor: '#b35900', backgroundColor: '#b35900', borderDash: [6, 4] },
      ],
    },
    options: { animation: false, scales: { y: { beginAtZero: true } } },
  });
  new Chart(document.getElementById('services-chart'), {
    type: 'bar',
    data: { labels: data.services.map(s => s.title), datasets: [{ label: 'Pytania', data: data.services.map(s => s.count), backgroundColor: '#0b4f8a' }] },
    options: { animation: false, indexAxis: 'y', scales: { x: { beginAtZero: true } } },
  });
})();
