//! Column colouring: columns that share no row get the same colour, so one
//! evaluation along the sum of their unit vectors gives all of them.

use nalgebra_sparse::pattern::SparsityPattern;

/// The order in which the greedy colouring visits the columns.
///
/// ```
/// use dualgrad::sparse::{Order, color_columns_in};
/// use nalgebra_sparse::pattern::SparsityPattern;
///
/// let diagonal = SparsityPattern::try_from_offsets_and_indices(2, 2, vec![0, 1, 2], vec![0, 1]).unwrap();
/// assert_eq!(color_columns_in(&diagonal, Order::LargestFirst).count(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Order {
    /// Columns 0, 1, 2, …: a banded pattern of total bandwidth b gets b
    /// colours.
    Natural,
    /// Columns by decreasing degree in the column intersection graph (the
    /// number of other columns sharing a row), ties by index.
    LargestFirst,
    /// Smallest last: repeatedly set aside a column of smallest degree among
    /// those left, and colour in the reverse order, so that each column
    /// meets few coloured neighbours when its turn comes (Matula and Beck).
    /// It gives fewer colours than both others on some patterns and more on
    /// others, and it builds the column intersection graph, which costs
    /// several times a colouring: so [`color_columns`] leaves it out (see
    /// BENCHMARKS.md, "Sparse Jacobians").
    SmallestLast,
}

/// A colouring of a pattern's columns in which no two columns sharing a row
/// have the same colour (a partial distance-2 colouring of the bipartite
/// row–column graph). The colours are 0..[`count`](Coloring::count).
///
/// ```
/// use dualgrad::sparse::color_columns;
/// use nalgebra_sparse::pattern::SparsityPattern;
///
/// // Rows {0, 1} and {1, 2}: columns 0 and 2 share no row.
/// let pattern = SparsityPattern::try_from_offsets_and_indices(2, 3, vec![0, 2, 4], vec![0, 1, 1, 2]).unwrap();
/// let coloring = color_columns(&pattern);
/// assert_eq!(coloring.colors(), &[0, 1, 0]);
/// assert_eq!((coloring.count(), coloring.lower_bound()), (2, 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coloring {
    colors: Vec<usize>,
    count: usize,
    lower_bound: usize,
    order: Order,
}

impl Coloring {
    /// Each column's colour.
    ///
    /// ```
    /// use dualgrad::sparse::color_columns;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let dense = SparsityPattern::try_from_offsets_and_indices(1, 2, vec![0, 2], vec![0, 1]).unwrap();
    /// assert_eq!(color_columns(&dense).colors(), &[0, 1]);
    /// ```
    #[must_use]
    pub fn colors(&self) -> &[usize] {
        &self.colors
    }

    /// The number of colours: the evaluations of f (directions) a Jacobian
    /// takes. 0 for a pattern without columns.
    ///
    /// ```
    /// use dualgrad::sparse::color_columns;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// assert_eq!(color_columns(&SparsityPattern::zeros(3, 0)).count(), 0);
    /// assert_eq!(color_columns(&SparsityPattern::zeros(3, 4)).count(), 1);
    /// ```
    #[must_use]
    pub fn count(&self) -> usize {
        self.count
    }

    /// The non-zeros of the fullest row: no valid colouring has fewer
    /// colours, since that row's columns all need distinct ones.
    ///
    /// ```
    /// use dualgrad::sparse::color_columns;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let dense = SparsityPattern::try_from_offsets_and_indices(1, 3, vec![0, 3], vec![0, 1, 2]).unwrap();
    /// assert_eq!(color_columns(&dense).lower_bound(), 3);
    /// ```
    #[must_use]
    pub fn lower_bound(&self) -> usize {
        self.lower_bound
    }

    /// The order that gave this colouring.
    ///
    /// ```
    /// use dualgrad::sparse::{Order, color_columns_in};
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let coloring = color_columns_in(&SparsityPattern::zeros(1, 1), Order::LargestFirst);
    /// assert_eq!(coloring.order(), Order::LargestFirst);
    /// ```
    #[must_use]
    pub fn order(&self) -> Order {
        self.order
    }

    /// `true` when no two columns sharing a row of `pattern` have the same
    /// colour and every column of `pattern` has a colour.
    ///
    /// ```
    /// use dualgrad::sparse::color_columns;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let pattern = SparsityPattern::try_from_offsets_and_indices(1, 2, vec![0, 2], vec![0, 1]).unwrap();
    /// assert!(color_columns(&pattern).is_valid_for(&pattern));
    /// ```
    #[must_use]
    pub fn is_valid_for(&self, pattern: &SparsityPattern) -> bool {
        if self.colors.len() != pattern.minor_dim() {
            return false;
        }
        let mut seen = vec![usize::MAX; self.count];
        (0..pattern.major_dim()).all(|row| {
            pattern.lane(row).iter().all(|&column| {
                let color = self.colors[column];
                let fresh = color < self.count && seen[color] != row;
                if fresh {
                    seen[color] = row;
                }
                fresh
            })
        })
    }
}

/// The colouring of `pattern`'s columns with fewer colours of the natural
/// and the largest-first orders (the natural one on a tie, and alone when
/// it already meets the lower bound, which no order can beat). Rows are
/// outputs, columns inputs, as [`jacobian_pattern`](super::jacobian_pattern)
/// returns them. [`Order::SmallestLast`], through [`color_columns_in`],
/// sometimes needs fewer colours still, at several times the cost.
///
/// Greedy colouring costs O(Σ over rows of (row non-zeros)²): linear in n for
/// banded and stencil patterns.
///
/// ```
/// use dualgrad::sparse::color_columns;
/// use nalgebra_sparse::pattern::SparsityPattern;
///
/// // A tridiagonal 5×5 pattern: 3 colours, columns j and j + 3 share one.
/// let (mut offsets, mut indices) = (vec![0], vec![]);
/// for row in 0..5_usize {
///     indices.extend(row.saturating_sub(1)..(row + 2).min(5));
///     offsets.push(indices.len());
/// }
/// let pattern = SparsityPattern::try_from_offsets_and_indices(5, 5, offsets, indices).unwrap();
/// let coloring = color_columns(&pattern);
/// assert_eq!(coloring.colors(), &[0, 1, 2, 0, 1]);
/// assert_eq!(coloring.count(), coloring.lower_bound());
/// ```
#[must_use]
pub fn color_columns(pattern: &SparsityPattern) -> Coloring {
    let columns = pattern.transpose();
    let natural = greedy(pattern, &columns, Order::Natural);
    if natural.count <= natural.lower_bound {
        return natural;
    }
    let largest_first = greedy(pattern, &columns, Order::LargestFirst);
    if largest_first.count < natural.count {
        largest_first
    } else {
        natural
    }
}

/// The greedy colouring of `pattern`'s columns visited in `order`: each
/// column takes the smallest colour no column sharing a row with it has.
///
/// ```
/// use dualgrad::sparse::{Order, color_columns_in};
/// use nalgebra_sparse::pattern::SparsityPattern;
/// let pattern = SparsityPattern::try_from_offsets_and_indices(1, 2, vec![0, 2], vec![0, 1]).unwrap();
/// assert_eq!(color_columns_in(&pattern, Order::Natural).colors(), &[0, 1]);
/// ```
#[must_use]
pub fn color_columns_in(pattern: &SparsityPattern, order: Order) -> Coloring {
    greedy(pattern, &pattern.transpose(), order)
}

/// [`color_columns_in`], given the pattern's transpose (`columns`: row j
/// lists the rows of column j).
fn greedy(pattern: &SparsityPattern, columns: &SparsityPattern, order: Order) -> Coloring {
    let n = pattern.minor_dim();
    let visit: Vec<usize> = match order {
        Order::Natural => (0..n).collect(),
        Order::LargestFirst => {
            let (offsets, _) = neighbours(pattern, columns);
            let mut visit: Vec<usize> = (0..n).collect();
            visit.sort_by_key(|&j| core::cmp::Reverse(offsets[j + 1] - offsets[j]));
            visit
        }
        Order::SmallestLast => smallest_last(pattern, columns),
    };
    const NONE: usize = usize::MAX;
    let mut colors = vec![NONE; n];
    // forbidden[c] == j: colour c is taken by a neighbour of column j.
    let mut forbidden = vec![NONE; n + 1];
    let mut count = 0;
    for &j in &visit {
        for &row in columns.lane(j) {
            for &k in pattern.lane(row) {
                if colors[k] != NONE {
                    forbidden[colors[k]] = j;
                }
            }
        }
        let color = (0..=n).find(|&c| forbidden[c] != j).unwrap_or(n);
        colors[j] = color;
        count = count.max(color + 1);
    }
    let lower_bound = (0..pattern.major_dim())
        .map(|row| pattern.lane(row).len())
        .max()
        .unwrap_or(0);
    Coloring {
        colors,
        count,
        lower_bound,
        order,
    }
}

/// The column intersection graph: the neighbours of column j (the other
/// columns sharing a row with it) are `adjacent[offsets[j]..offsets[j + 1]]`.
fn neighbours(pattern: &SparsityPattern, columns: &SparsityPattern) -> (Vec<usize>, Vec<usize>) {
    let n = pattern.minor_dim();
    let mut stamp = vec![usize::MAX; n];
    let mut offsets = Vec::with_capacity(n + 1);
    let mut adjacent = Vec::new();
    offsets.push(0);
    for j in 0..n {
        stamp[j] = j;
        for &row in columns.lane(j) {
            for &k in pattern.lane(row) {
                if stamp[k] != j {
                    stamp[k] = j;
                    adjacent.push(k);
                }
            }
        }
        offsets.push(adjacent.len());
    }
    (offsets, adjacent)
}

/// The smallest-last order: columns set aside one by one, each of smallest
/// degree among those left (a heap with stale entries skipped), visited in
/// reverse.
fn smallest_last(pattern: &SparsityPattern, columns: &SparsityPattern) -> Vec<usize> {
    use core::cmp::Reverse;
    use std::collections::BinaryHeap;

    let (offsets, adjacent) = neighbours(pattern, columns);
    let n = pattern.minor_dim();
    let mut degree: Vec<usize> = (0..n).map(|j| offsets[j + 1] - offsets[j]).collect();
    let mut removed = vec![false; n];
    let mut heap: BinaryHeap<Reverse<(usize, usize)>> =
        (0..n).map(|j| Reverse((degree[j], j))).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse((d, j))) = heap.pop() {
        if removed[j] || d != degree[j] {
            continue;
        }
        removed[j] = true;
        order.push(j);
        for &k in &adjacent[offsets[j]..offsets[j + 1]] {
            if !removed[k] {
                degree[k] -= 1;
                heap.push(Reverse((degree[k], k)));
            }
        }
    }
    order.reverse();
    order
}
